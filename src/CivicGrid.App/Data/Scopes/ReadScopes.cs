namespace CivicGrid.App.Data.Scopes;

/// <summary>
/// The named ways past the jurisdiction filter (读取范围). Outside the data layer, code that must read rows its
/// account's jurisdiction does not cover names one of these scopes instead of calling <c>IgnoreQueryFilters()</c>,
/// which the build refuses there. Each scope says who may use it and why; an architecture test holds every use to the
/// namespaces its comment allows, and a test per scope checks that it returns what its name promises.
/// </summary>
public static partial class ReadScopes;
