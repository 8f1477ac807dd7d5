using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// Questions about the whole district whose answer names nobody to the caller (全区核查): whether an ID number is
/// registered already, whether a tag is in use, how many places a facility has taken, how many households live in each
/// building, whether a major project's code is taken, and the one resident record that a person signing up proves to be by ID number and name. Use cases may
/// count, test for existence or take keys here, never list rows back to the caller.
/// </summary>
public sealed class DistrictChecksScope(CivicGridDbContext db)
{
#pragma warning disable RS0030 // The data layer implements the scope; its users answer with counts and keys only.
    public IQueryable<Resident> Residents => db.Residents.IgnoreQueryFilters();
    public IQueryable<Household> Households => db.Households.IgnoreQueryFilters();
    public IQueryable<Tag> Tags => db.Tags.IgnoreQueryFilters();
    public IQueryable<ServiceEnrolment> ServiceEnrolments => db.ServiceEnrolments.IgnoreQueryFilters();
    public IQueryable<Core.Projects.MajorProject> MajorProjects => db.Set<Core.Projects.MajorProject>().IgnoreQueryFilters();
#pragma warning restore RS0030
}

public static partial class ReadScopes
{
    /// <inheritdoc cref="DistrictChecksScope"/>
    public static DistrictChecksScope DistrictChecks(this CivicGridDbContext db) => new(db);
}
