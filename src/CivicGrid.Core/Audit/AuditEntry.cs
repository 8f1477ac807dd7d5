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
    public AuditSealKind Seal { get; set; }

    public bool IsLinked => Sequence is not null;

    /// <summary>Links this entry after the one whose hash is <paramref name="previousHash"/>, as the chain's <paramref name="sequence"/>-th, under the key.</summary>
    public void LinkAfter(string previousHash, long sequence, AuditSeal seal)
    {
        PreviousHash = previousHash;
        Sequence = sequence;
        Seal = AuditSealKind.Keyed;
        Hash = seal.HashOf(this);
    }

    /// <summary>Entries keep time to the millisecond, so the stored value hashes as it was hashed when written.</summary>
    public static DateTime Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>What the hash covers. A keyed entry covers its place in the chain too; plain ones are read as they were written.</summary>
    public string CanonicalText()
    {
        // Millisecond UTC text: what every engine stores and returns unchanged.
        var at = DateTime.SpecifyKind(At, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        string[] fields = [PreviousHash, at, Actor, Action, Entity, EntityKey, Detail ?? "", ClientAddress ?? ""];
        return Seal == AuditSealKind.Keyed
            ? string.Join('\u001f', [.. fields, Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""])
            : string.Join('\u001f', fields);
    }

    /// <summary>Why this entry does not hold as the one after <paramref name="previous"/>; null when it does.</summary>
    public AuditBreak? BreakAfter(AuditEntry? previous, string previousHash, AuditSeal seal) =>
        seal.HashOf(this) != Hash ? AuditBreak.Changed
        : PreviousHash != previousHash ? AuditBreak.Unlinked
        // Once the chain is keyed a plain entry can only be a rewrite that dropped the key.
        : previous?.Seal == AuditSealKind.Keyed && Seal == AuditSealKind.Plain ? AuditBreak.Unkeyed
        : null;

    /// <summary>Finds the first entry whose hash or link to its predecessor does not hold; null when the chain is whole.</summary>
    public static AuditEntry? FirstBroken(IEnumerable<AuditEntry> entriesInOrder, AuditSeal seal, string previousHash = GenesisHash)
    {
        AuditEntry? previous = null;
        foreach (var entry in entriesInOrder)
        {
            if (entry.BreakAfter(previous, previousHash, seal) is not null)
            {
                return entry;
            }
            (previous, previousHash) = (entry, entry.Hash);
        }
        return null;
    }
}

/// <summary>How an entry fails to hold in the chain.</summary>
public enum AuditBreak
{
    /// <summary>Its content no longer gives its hash.</summary>
    Changed,
    /// <summary>It does not point at the entry before it.</summary>
    Unlinked,
    /// <summary>It is plain after a keyed entry.</summary>
    Unkeyed,
}
