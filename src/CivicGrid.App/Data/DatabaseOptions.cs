namespace CivicGrid.App.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    /// <summary>Sqlite (default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";
    public string? ConnectionString { get; set; }
    /// <summary>
    /// A streaming replica of the PostgreSQL primary (optional): reports, dashboards, exports and target lists are read
    /// from it (docs/adr/0005). Unset, they read the primary; SQLite has none.
    /// </summary>
    public string? ReadReplica { get; set; }
}
