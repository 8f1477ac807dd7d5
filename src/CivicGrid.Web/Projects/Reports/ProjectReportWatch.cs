using CivicGrid.App.Projects.Reports;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Projects.Reports;

/// <summary>
/// Issues the scheduled project reports every <c>ProjectReports:PollMinutes</c> (60 by default): a period's report goes
/// out once, at the first pass after the period ends. Every instance may run it; the issue record is checked first.
/// </summary>
public sealed class ProjectReportWatch(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ProjectReportWatch> log)
    : SystemWorker(scopes, clock, log)
{
    protected override string Name => "project-reports";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("ProjectReports:PollMinutes", 60));

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var issued = await services.GetRequiredService<IssueScheduledReportsHandler>().HandleAsync(new IssueScheduledReports(), ct);
        if (issued.Issued.Count > 0)
        {
            log.LogInformation("Project reports issued: {Reports}, {Messages} inbox messages", string.Join(", ", issued.Issued), issued.Messages);
        }
        return false;
    }
}
