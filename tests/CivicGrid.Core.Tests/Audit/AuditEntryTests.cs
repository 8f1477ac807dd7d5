using CivicGrid.Core.Audit;

namespace CivicGrid.Core.Tests.Audit;

public class AuditEntryTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var previous = AuditEntry.GenesisHash;
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Id = i, At = new DateTime(2026, 11, 23, 2, 0, i, DateTimeKind.Utc), Actor = "admin", Action = "update",
                Entity = "Resident", EntityKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture), PreviousHash = previous,
            };
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    [Fact]
    public void AnUntouchedChainIsWhole() => Assert.Null(AuditEntry.FirstBroken(Chain(10)));

    [Fact]
    public void AChangedRecordIsNamed()
    {
        var chain = Chain(10);
        chain[4].Actor = "someone else";
        Assert.Equal(5, AuditEntry.FirstBroken(chain)!.Id);
    }

    [Fact]
    public void ADeletedRecordBreaksTheLinkOfTheNext()
    {
        var chain = Chain(10);
        chain.RemoveAt(3);
        Assert.Equal(5, AuditEntry.FirstBroken(chain)!.Id);
    }
}
