namespace CivicGrid.App.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    /// <summary>Sqlite (default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";
    public string? ConnectionString { get; set; }
}
