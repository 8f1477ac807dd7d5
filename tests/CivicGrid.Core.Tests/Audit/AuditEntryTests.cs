using System.Security.Cryptography;
using System.Text;
using CivicGrid.Core.Audit;

namespace CivicGrid.Core.Tests.Audit;

public class AuditEntryTests
{
    private static readonly AuditSeal Seal = new(Enumerable.Range(1, AuditSeal.KeySize).Select(i => (byte)i).ToArray());

    private static AuditEntry Entry(int i) => new()
    {
        Id = i, At = new DateTime(2026, 11, 23, 2, 0, i, DateTimeKind.Utc), Actor = "admin", Action = "update",
        Entity = "Resident", EntityKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture), PreviousHash = "",
    };

    private static List<AuditEntry> Chain(int count, AuditSeal seal)
    {
        var previous = AuditEntry.GenesisHash;
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= count; i++)
        {
            var entry = Entry(i);
            entry.LinkAfter(previous, i, seal);
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>What someone able to write the table, but without the key, can do: recompute plain SHA-256 hashes.</summary>
    private static void RewritePlain(List<AuditEntry> chain, int from)
    {
        var previous = from == 0 ? AuditEntry.GenesisHash : chain[from - 1].Hash;
        foreach (var entry in chain.Skip(from))
        {
            entry.Seal = AuditSealKind.Plain;
            entry.PreviousHash = previous;
            entry.Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.CanonicalText())));
            previous = entry.Hash;
        }
    }

    [Fact]
    public void AnUntouchedChainIsWhole() => Assert.Null(AuditEntry.FirstBroken(Chain(10, Seal), Seal));

    [Fact]
    public void AChangedRecordIsNamed()
    {
        var chain = Chain(10, Seal);
        chain[4].Actor = "someone else";
        Assert.Equal(5, AuditEntry.FirstBroken(chain, Seal)!.Id);
    }

    [Fact]
    public void ADeletedRecordBreaksTheLinkOfTheNext()
    {
        var chain = Chain(10, Seal);
        chain.RemoveAt(3);
        Assert.Equal(5, AuditEntry.FirstBroken(chain, Seal)!.Id);
        Assert.Equal(AuditBreak.Unlinked, chain[3].BreakAfter(chain[2], chain[2].Hash, Seal));
    }

    [Fact]
    public void ARecordMovedToAnotherPlaceIsChangedSinceTheSealCoversItsPlace()
    {
        var chain = Chain(10, Seal);
        chain[4].Sequence = 50;
        Assert.Equal(AuditBreak.Changed, chain[4].BreakAfter(chain[3], chain[3].Hash, Seal));
    }

    [Fact]
    public void AChainResealedWithAnotherKeyBreaksAtItsFirstRecord()
    {
        var forged = Chain(10, new AuditSeal(new byte[AuditSeal.KeySize]));
        Assert.Equal(1, AuditEntry.FirstBroken(forged, Seal)!.Id);
    }

    [Fact]
    public void RewritingTheTailWithoutTheKeyIsFoundWhereTheKeyedRecordsEnd()
    {
        var chain = Chain(10, Seal);
        chain[6].Actor = "someone else";
        RewritePlain(chain, 6);
        Assert.Equal(7, AuditEntry.FirstBroken(chain, Seal)!.Id);
        Assert.Equal(AuditBreak.Unkeyed, chain[6].BreakAfter(chain[5], chain[5].Hash, Seal));
    }

    [Fact]
    public void PlainRecordsFromBeforeTheKeyStayValidAndTheKeyedOnesFollowThem()
    {
        var chain = Chain(10, Seal);
        RewritePlain(chain, 0);
        var next = Entry(11);
        next.LinkAfter(chain[^1].Hash, 11, Seal);
        chain.Add(next);
        Assert.Null(AuditEntry.FirstBroken(chain, Seal));
        Assert.Equal(AuditSealKind.Keyed, next.Seal);
    }

    [Fact]
    public void ASealKeyHasThirtyTwoBytes() => Assert.Throws<ArgumentException>(() => new AuditSeal(new byte[16]));
}
