using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The system's own work over the whole district (系统作业): imports (which match every existing row by its natural
/// key), seeding the demo, re-encrypting personal data under a new key, the sweeps (life events from birthdays, offers),
/// waiting lists and their allocation (a list spans the district), and the consequences the system draws from a move
/// the caller was allowed to make (a departed resident's visits closed and services ended wherever they were). Nothing
/// read here is shown to the caller as such; only imports, demo, security, sweeps and the service work may use it.
/// </summary>
public sealed class SystemWorkScope(CivicGridDbContext db)
{
#pragma warning disable RS0030 // The data layer implements the scope: system work sees the whole district.
    public IQueryable<TerritoryNode> TerritoryNodes => db.TerritoryNodes.IgnoreQueryFilters();
    public IQueryable<Building> Buildings => db.Buildings.IgnoreQueryFilters();
    public IQueryable<BusinessCommunity> BusinessCommunities => db.BusinessCommunities.IgnoreQueryFilters();
    public IQueryable<Household> Households => db.Households.IgnoreQueryFilters();
    public IQueryable<Resident> Residents => db.Residents.IgnoreQueryFilters();
    public IQueryable<Enterprise> Enterprises => db.Enterprises.IgnoreQueryFilters();
    public IQueryable<Case> Cases => db.Cases.IgnoreQueryFilters();
    public IQueryable<CaseMonthlyStat> CaseMonthlyStats => db.CaseMonthlyStats.IgnoreQueryFilters();
    public IQueryable<CaseMonthlyStreetStat> CaseMonthlyStreetStats => db.CaseMonthlyStreetStats.IgnoreQueryFilters();
    public IQueryable<ServiceEnrolment> ServiceEnrolments => db.ServiceEnrolments.IgnoreQueryFilters();
    public IQueryable<LifeEvent> LifeEvents => db.LifeEvents.IgnoreQueryFilters();
    public IQueryable<VisitTask> VisitTasks => db.VisitTasks.IgnoreQueryFilters();
#pragma warning restore RS0030
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="SystemWorkScope"/>
    public static SystemWorkScope SystemWork(this CivicGridDbContext db) => new(db);
}
