namespace CivicGrid.App.Data.Writes;

/// <summary>The end of the audit chain. Its version is a concurrency token, so two writers cannot both link onto the same hash.</summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public required string LastHash { get; set; }
    /// <summary>How many entries are linked; the next one linked takes the number after it.</summary>
    public long Version { get; set; }
}
