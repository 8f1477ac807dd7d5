namespace CivicGrid.App.Data.Replica;

/// <summary>
/// The WAL position of the client's last write, carried by the host from request to request (a cookie): reporting reads
/// go to the primary until the replica has replayed past it, so nobody sees their own write missing (docs/adr/0005).
/// </summary>
public sealed class ReadYourWrites
{
    /// <summary>The position the client last wrote at, if the host carried one in; null reads the replica freely.</summary>
    public string? WroteAt { get; set; }
}
