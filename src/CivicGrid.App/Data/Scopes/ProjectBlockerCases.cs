using CivicGrid.Core.Cases;
using CivicGrid.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The cases major projects' blockers were logged as (项目堵点): whoever sees a project follows its blockers into the case
/// loop, though a blocker another cadre logged, or one dispatched to a department, lies outside what their account sees
/// of the loop. Callers reach these only through the blockers of projects their jurisdiction shows.
/// </summary>
public sealed class ProjectBlockerCasesScope(CivicGridDbContext db)
{
#pragma warning disable RS0030 // The data layer implements the scope: a case is reached only through a blocker the caller sees.
    public IQueryable<Case> Cases => db.Cases.IgnoreQueryFilters().Where(c => db.Set<ProjectBlocker>().Any(b => b.CaseId == c.Id));

    /// <summary>The cases of <paramref name="blockers"/>, joined in SQL: the join itself keeps to blockers' cases.</summary>
    public IQueryable<BlockerCase> Of(IQueryable<ProjectBlocker> blockers) =>
        blockers.Join(db.Cases.IgnoreQueryFilters(), b => b.CaseId, c => c.Id, (b, c) => new BlockerCase(b, c));

    /// <summary>The same join, projected in SQL to what <paramref name="select"/> reads of each blocker and its case.</summary>
    public IQueryable<TResult> Of<TResult>(IQueryable<ProjectBlocker> blockers, System.Linq.Expressions.Expression<Func<ProjectBlocker, Case, TResult>> select) =>
        blockers.Join(db.Cases.IgnoreQueryFilters(), b => b.CaseId, c => c.Id, select);
#pragma warning restore RS0030
}

/// <summary>A blocker and the case it was logged as.</summary>
public sealed record BlockerCase(ProjectBlocker Blocker, Case Case);

public static partial class ReadScopes
{
    /// <inheritdoc cref="ProjectBlockerCasesScope"/>
    public static ProjectBlockerCasesScope ProjectBlockerCases(this CivicGridDbContext db) => new(db);
}
