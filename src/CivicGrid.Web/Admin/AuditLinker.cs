using CivicGrid.App.Audit;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Admin;

/// <summary>Links new audit entries onto the hash chain every <c>Audit:LinkSeconds</c> (1 by default).</summary>
public sealed class AuditLinker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<AuditLinker> log)
    : SystemWorker(scopes, clock, log)
{
    protected override string Name => "audit-linker";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Audit:LinkSeconds", 1.0));

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<LinkAuditEntriesHandler>().HandleAsync(new LinkAuditEntries(), ct);
        return false;
    }
}
