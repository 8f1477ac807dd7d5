using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Core.Audit;

/// <summary>
/// One record of the audit log (审计日志): who did what to which record, when and from where.
/// Each entry carries the hash of its predecessor, so a changed or deleted row breaks the chain. Entries are written
/// with the change they record and linked onto the chain moments later, in <see cref="Sequence"/> order.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public string? Detail { get; set; }
    public string? ClientAddress { get; set; }
    public required string PreviousHash { get; set; }
    public string Hash { get; set; } = "";
    /// <summary>The entry's place in the chain; null until it is linked.</summary>
    public long? Sequence { get; set; }

    public bool IsLinked => Sequence is not null;

    /// <summary>Links this entry after the one whose hash is <paramref name="previousHash"/>, as the chain's <paramref name="sequence"/>-th.</summary>
    public void LinkAfter(string previousHash, long sequence)
    {
        PreviousHash = previousHash;
        Sequence = sequence;
        Hash = ComputeHash();
    }

    /// <summary>Entries keep time to the millisecond, so the stored value hashes as it was hashed when written.</summary>
    public static DateTime Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash()
    {
        // Millisecond UTC text: what every engine stores and returns unchanged.
        var at = DateTime.SpecifyKind(At, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var text = string.Join('\u001f', PreviousHash, at,
            Actor, Action, Entity, EntityKey, Detail ?? "", ClientAddress ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Finds the first entry whose hash or link to its predecessor does not hold; null when the chain is whole.</summary>
    public static AuditEntry? FirstBroken(IEnumerable<AuditEntry> entriesInOrder, string previousHash = GenesisHash)
    {
        foreach (var entry in entriesInOrder)
        {
            if (entry.PreviousHash != previousHash || entry.ComputeHash() != entry.Hash)
            {
                return entry;
            }
            previousHash = entry.Hash;
        }
        return null;
    }
}
