using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.App.Cases;
using CivicGrid.App.Data.Caching;
using CivicGrid.App.Notifications;
using CivicGrid.App.Open311;
using CivicGrid.App.Security.KeyRing;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Audit;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.People;
using CivicGrid.Core.Services;
using CivicGrid.Core.Services.Catalogue;
using CivicGrid.Core.Services.Enrolment;
using CivicGrid.Core.Services.Facilities;
using CivicGrid.Core.Services.LifeEvents;
using CivicGrid.Core.Territory;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data;

/// <summary>
/// The one database model, the same on every engine. Rows that belong to a place are filtered by the
/// acting account's jurisdiction here, once, for every query; changes are written to the audit chain on save.
/// </summary>
public sealed class CivicGridDbContext(DbContextOptions<CivicGridDbContext> options, IJurisdiction jurisdiction, TimeProvider clock)
    : IdentityUserContext<StaffUser>(options)
{
    public IJurisdiction Jurisdiction => jurisdiction;
    public TimeProvider Clock => clock;

    /// <summary>Read by the query filters; EF parameterises it per context instance.</summary>
    private string ScopeCode => jurisdiction.ScopeCode;
    private string CaseScope => jurisdiction.CaseScopeCode;
    private string CaseDepartment => jurisdiction.DepartmentCode ?? "~";
    private string CaseSubmitter => jurisdiction.UserId ?? "~";
    /// <summary>Civic supervisors oversee the public loop: home-visit records and non-public items are for their handlers.</summary>
    private bool CasePublicOnly => jurisdiction.Role == StaffRole.CivicSupervisor;

    public DbSet<TerritoryNode> TerritoryNodes => Set<TerritoryNode>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<BusinessCommunity> BusinessCommunities => Set<BusinessCommunity>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<ProtectionKey> ProtectionKeys => Set<ProtectionKey>();
    public DbSet<CacheVersion> CacheVersions => Set<CacheVersion>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseSupport> CaseSupports => Set<CaseSupport>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<CaseMonthlyStat> CaseMonthlyStats => Set<CaseMonthlyStat>();
    public DbSet<CaseMonthlyStreetStat> CaseMonthlyStreetStats => Set<CaseMonthlyStreetStat>();
    public DbSet<DeliberationItem> DeliberationItems => Set<DeliberationItem>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();
    public DbSet<ThinkTankGroup> ThinkTankGroups => Set<ThinkTankGroup>();
    public DbSet<DeliberationDay> DeliberationDays => Set<DeliberationDay>();
    public DbSet<DeliberationOption> DeliberationOptions => Set<DeliberationOption>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<IntegrationKey> IntegrationKeys => Set<IntegrationKey>();
    public DbSet<FacilityType> FacilityTypes => Set<FacilityType>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<EligibilityRule> EligibilityRules => Set<EligibilityRule>();
    public DbSet<ServiceEnrolment> ServiceEnrolments => Set<ServiceEnrolment>();
    public DbSet<LifeEvent> LifeEvents => Set<LifeEvent>();
    public DbSet<VisitTask> VisitTasks => Set<VisitTask>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CivicGridDbContext).Assembly);
        builder.Entity<AuditHead>().HasData(new AuditHead { LastHash = AuditEntry.GenesisHash });

        builder.Entity<TerritoryNode>().HasQueryFilter(n => n.Code.StartsWith(ScopeCode));
        builder.Entity<Building>().HasQueryFilter(b => b.GridCode.StartsWith(ScopeCode));
        builder.Entity<Household>().HasQueryFilter(h => h.GridCode.StartsWith(ScopeCode));
        builder.Entity<Resident>().HasQueryFilter(r => r.GridCode.StartsWith(ScopeCode));
        builder.Entity<Enterprise>().HasQueryFilter(e => e.GridCode.StartsWith(ScopeCode));
        builder.Entity<Case>().HasQueryFilter(c =>
            (c.GridCode.StartsWith(CaseScope)
                && (!CasePublicOnly || (c.Source != CaseSource.Visit && DeliberationItems.Any(i => i.Code == c.ItemCode && i.Public))))
            || c.DepartmentCode == CaseDepartment || c.SubmitterId == CaseSubmitter);
        builder.Entity<CaseMonthlyStat>().HasQueryFilter(s => s.GridCode.StartsWith(CaseScope) || s.DepartmentCode == CaseDepartment);
        // Read only for scopes of a district or wider, where a street's rows are all in scope or all out, as its grids' are.
        builder.Entity<CaseMonthlyStreetStat>().HasQueryFilter(s => s.StreetCode.StartsWith(CaseScope) || s.DepartmentCode == CaseDepartment);
        builder.Entity<DeliberationDay>().HasQueryFilter(d => d.HostCode.StartsWith(CaseScope) || CaseScope.StartsWith(d.HostCode));
        builder.Entity<ServiceEnrolment>().HasQueryFilter(x => x.GridCode.StartsWith(ScopeCode));
        builder.Entity<LifeEvent>().HasQueryFilter(x => x.GridCode.StartsWith(ScopeCode));
        builder.Entity<VisitTask>().HasQueryFilter(x => x.GridCode.StartsWith(ScopeCode));
        builder.Entity<BusinessCommunity>().HasQueryFilter(c => c.StreetCode.StartsWith(ScopeCode) || ScopeCode.StartsWith(c.StreetCode));
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (writes, audited) = AuditTrail.Pending(this);
        if (!writes)
        {
            return 0;
        }
        FreeText.Mask(ChangeTracker);
        if (audited)
        {
            // The entries are saved in the same transaction as the changes they record.
            AuditTrail.QueueChanges(this);
        }
        var cached = Caching.CacheVersions.Touched(ChangeTracker);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Caching.CacheVersions.RaiseAsync(this, cached, cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}
