using CivicGrid.App.Cockpit;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Cockpit;

/// <summary>
/// Issues the monthly district report every <c>DistrictReports:PollMinutes</c> (60 by default): a month's report goes
/// out once, at the first pass after the month ends. Every instance may run it; the issue record is checked first.
/// </summary>
public sealed class DistrictReportWatch(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<DistrictReportWatch> log)
    : SystemWorker(scopes, clock, log)
{
    protected override string Name => "district-reports";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("DistrictReports:PollMinutes", 60));

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await services.GetRequiredService<IssueDistrictReportsHandler>().HandleAsync(new IssueDistrictReports(), ct) is { } month)
        {
            log.LogInformation("District report issued for {Month}", month);
        }
        return false;
    }
}
