using CivicGrid.App.Access;
using CivicGrid.App.Data.Caching;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Audit;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Sweeps;
using CivicGrid.Core.Enterprises.Wishes;
using CivicGrid.Core.People;
using CivicGrid.Core.Projects;
using CivicGrid.Core.PublicServices;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Core.PublicServices.LifeEvents;
using CivicGrid.Core.Territory;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data;

/// <summary>
/// The one database model, the same on every engine. Rows that belong to a place are filtered by the
/// acting account's jurisdiction here, once, for every query; every save applies the write rules (<see cref="RowWrites"/>).
/// </summary>
public sealed class CivicGridDbContext(DbContextOptions<CivicGridDbContext> options, IJurisdiction jurisdiction, TimeProvider clock)
    : IdentityUserContext<StaffUser>(options)
{
    public IJurisdiction Jurisdiction => jurisdiction;
    public TimeProvider Clock => clock;

    /// <summary>Read by the query filters; EF parameterises it per context instance.</summary>
    private string ScopeCode => jurisdiction.ScopeCode;
    private string PlaceScope => jurisdiction.PlaceScopeCode;
    private int OwnEnterprise => jurisdiction.OwnEnterpriseId ?? -1;
    private int OwnBusinessCommunity => jurisdiction.BusinessCommunityId ?? -1;
    /// <summary>-1: places end at the subtree; otherwise only this business community's (<see cref="IJurisdiction.PlaceCommunityId"/>).</summary>
    private int PlaceCommunity => jurisdiction.PlaceCommunityId ?? -1;
    private string ProjectScope => jurisdiction.ProjectScopeCode;
    private int ProjectGroup => jurisdiction.ServiceGroupId ?? -1;
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
        builder.Entity<Building>().HasQueryFilter(b => b.GridCode.StartsWith(PlaceScope) && (PlaceCommunity == -1 || b.BusinessCommunityId == PlaceCommunity));
        builder.Entity<Household>().HasQueryFilter(h => h.GridCode.StartsWith(ScopeCode));
        builder.Entity<Resident>().HasQueryFilter(r => r.GridCode.StartsWith(ScopeCode));
        builder.Entity<Enterprise>().HasQueryFilter(e =>
            (e.GridCode.StartsWith(PlaceScope) && (PlaceCommunity == -1 || Buildings.Any(b => b.Id == e.BuildingId && b.BusinessCommunityId == PlaceCommunity)))
            || e.Id == OwnEnterprise);
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
        builder.Entity<Core.Visits.HouseholdVisit>().HasQueryFilter(x => x.GridCode.StartsWith(ScopeCode));
        // An enterprise's needs lie where the enterprise does; employees' wishes where their building does.
        builder.Entity<EnterpriseNeed>().HasQueryFilter(Scopes.NeedsWithBuildingScope.NeedFilter, n => Enterprises.Any(e => e.Id == n.EnterpriseId));
        builder.Entity<EmployeeWish>().HasQueryFilter(w => Buildings.Any(b => b.Id == w.BuildingId));
        // A challenge lies with the business community or the enterprise that published it; a follow-up where its firm does.
        builder.Entity<Core.Enterprises.Challenges.Challenge>().HasQueryFilter(x =>
            BusinessCommunities.Any(c => c.Id == x.BusinessCommunityId) || Enterprises.Any(e => e.Id == x.EnterpriseId));
        builder.Entity<Core.Enterprises.Alignment.AlignmentFollowUp>().HasQueryFilter(f => Enterprises.Any(e => e.Id == f.EnterpriseId));
        // Runners' buildings lie where the building does; a visit where its enterprise does (its grid is kept on it).
        builder.Entity<RunnerAssignment>().HasQueryFilter(a => Buildings.Any(b => b.Id == a.BuildingId));
        builder.Entity<EnterpriseVisit>().HasQueryFilter(v =>
            (v.GridCode.StartsWith(PlaceScope) && (PlaceCommunity == -1 || Buildings.Any(b => b.Id == v.BuildingId && b.BusinessCommunityId == PlaceCommunity)))
            || v.EnterpriseId == OwnEnterprise);
        ProjectFilters(builder);
        ActivityFilters(builder);
        CashFilters(builder);
        builder.Entity<BusinessCommunity>().HasQueryFilter(c =>
            ((c.StreetCode.StartsWith(PlaceScope) || PlaceScope.StartsWith(c.StreetCode)) && (PlaceCommunity == -1 || c.Id == PlaceCommunity))
            || c.Id == OwnBusinessCommunity);
    }

    /// <summary>
    /// A major project is seen where it lies (the district's roles, a street's officials) or by its service group's cadres
    /// wherever it lies; its gates, plans, timeline, progress and blockers go with it.
    /// </summary>
    private void ProjectFilters(ModelBuilder builder)
    {
        builder.Entity<MajorProject>().HasQueryFilter(p => p.CommunityCode.StartsWith(ProjectScope) || p.ServiceGroupId == ProjectGroup);
        builder.Entity<ProjectGate>().HasQueryFilter(x => Set<MajorProject>().Any(p => p.Id == x.ProjectId));
        builder.Entity<ProjectYearPlan>().HasQueryFilter(x => Set<MajorProject>().Any(p => p.Id == x.ProjectId));
        builder.Entity<ProjectEvent>().HasQueryFilter(x => Set<MajorProject>().Any(p => p.Id == x.ProjectId));
        builder.Entity<ProjectProgress>().HasQueryFilter(x => Set<MajorProject>().Any(p => p.Id == x.ProjectId));
        builder.Entity<ProjectBlocker>().HasQueryFilter(x => Set<MajorProject>().Any(p => p.Id == x.ProjectId));
    }

    /// <summary>
    /// Activities, sessions and sign-ups lie in their community: seen by its staff and those above, and by the grid workers
    /// of its grids, who help at the door; volunteers and their hours lie where the volunteer lives (an employee volunteer
    /// where the enterprise is, and with the enterprise's contact).
    /// </summary>
    private void ActivityFilters(ModelBuilder builder)
    {
        builder.Entity<Activity>().HasQueryFilter(a => a.CommunityCode.StartsWith(ScopeCode) || ScopeCode.StartsWith(a.CommunityCode));
        builder.Entity<ActivitySession>().HasQueryFilter(s => s.CommunityCode.StartsWith(ScopeCode) || ScopeCode.StartsWith(s.CommunityCode));
        builder.Entity<SessionServer>().HasQueryFilter(x => Set<ActivitySession>().Any(s => s.Id == x.SessionId));
        builder.Entity<ActivitySignUp>().HasQueryFilter(s => s.CommunityCode.StartsWith(ScopeCode) || ScopeCode.StartsWith(s.CommunityCode));
        builder.Entity<Volunteer>().HasQueryFilter(v => v.GridCode.StartsWith(ScopeCode) || v.EnterpriseId == OwnEnterprise);
        builder.Entity<HoursEntry>().HasQueryFilter(h => h.GridCode.StartsWith(ScopeCode));
        builder.Entity<Core.Activities.Teams.VolunteerTeam>().HasQueryFilter(t => t.CommunityCode.StartsWith(ScopeCode) || ScopeCode.StartsWith(t.CommunityCode));
        builder.Entity<Core.Activities.Teams.TeamMember>().HasQueryFilter(m => m.CommunityCode.StartsWith(ScopeCode) || ScopeCode.StartsWith(m.CommunityCode));
        builder.Entity<Core.Activities.Teams.DeliberationInvitation>().HasQueryFilter(i => i.HostCode.StartsWith(ScopeCode) || ScopeCode.StartsWith(i.HostCode));
    }

    /// <summary>A street's payment list is seen by the street and those above, and by its grids' staff; a line, an account where the person lives.</summary>
    private void CashFilters(ModelBuilder builder)
    {
        builder.Entity<Core.CashBenefits.PaymentList>().HasQueryFilter(l => l.StreetCode.StartsWith(ScopeCode) || ScopeCode.StartsWith(l.StreetCode));
        builder.Entity<Core.CashBenefits.PaymentLine>().HasQueryFilter(l => l.GridCode.StartsWith(ScopeCode));
        builder.Entity<Core.CashBenefits.PayeeAccount>().HasQueryFilter(a => a.GridCode.StartsWith(ScopeCode));
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        if (!ChangeTracker.HasChanges())
        {
            return 0;
        }
        var write = RowWrites.Tracked(this);
        var cached = Caching.CacheVersions.Touched(ChangeTracker);
        var saved = write.HasMore
            ? await SaveInTransactionAsync(write, acceptAllChangesOnSuccess, cancellationToken)
            : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Caching.CacheVersions.RaiseAsync(this, cached, cancellationToken);
        return saved;
    }

    /// <summary>New rows' audit entries (which name the keys the save gave them) and the roll-ups are written with the rows or not at all.</summary>
    private async Task<int> SaveInTransactionAsync(RowWrites.TrackedSave write, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        await write.AfterSave().ExecuteAsync(this, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}
