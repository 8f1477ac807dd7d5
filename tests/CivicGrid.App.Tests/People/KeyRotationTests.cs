using CivicGrid.App.Access;
using CivicGrid.App.Security;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.People;

public class KeyRotationTests
{
    private static readonly string NewKey = PersonalDataProtector.NewKey();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RotationReencryptsEveryIdNumberUnderTheNewKeyAndTheOldKeyIsThenNotNeeded(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using (var before = AppHarness.For(database))
        {
            await before.SeedAsync();
        }
        var originals = await PlainIdNumbersAsync(database, null);

        var rotating = new Dictionary<string, string?>
        {
            ["PersonalData:EncryptionKey"] = NewKey,
            ["PersonalData:KeyId"] = "2",
            ["PersonalData:PreviousKeys:0:KeyId"] = "1",
            ["PersonalData:PreviousKeys:0:EncryptionKey"] = TestKeys.Encryption,
        };
        Assert.Equal(originals, await PlainIdNumbersAsync(database, rotating));
        RotationReport first, second;
        await using (var harness = AppHarness.For(database, rotating))
        await using (var scope = harness.Scope(new SystemJurisdiction("tests")))
        {
            first = await scope.Get<RotatePersonalDataHandler>().HandleAsync(new RotatePersonalData(BatchSize: 50), null, default);
            second = await scope.Get<RotatePersonalDataHandler>().HandleAsync(new RotatePersonalData(BatchSize: 50), null, default);
        }

        var onlyNewKey = new Dictionary<string, string?> { ["PersonalData:EncryptionKey"] = NewKey, ["PersonalData:KeyId"] = "2" };
        Assert.Equal(originals.Count, first.Residents);
        Assert.Equal(0, second.Residents);
        Assert.Equal(originals, await PlainIdNumbersAsync(database, onlyNewKey));
    }

    /// <summary>Every resident's ID number, decrypted with the keys the settings give.</summary>
    private static async Task<List<string>> PlainIdNumbersAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? keys)
    {
        await using var harness = AppHarness.For(database, keys);
        await using var scope = harness.Scope(new SystemJurisdiction("tests"));
        var protector = scope.Get<PersonalDataProtector>();
        var ciphers = await scope.Db.Residents.OrderBy(r => r.Id).Select(r => r.IdNumberCipher).ToListAsync();
        return ciphers.ConvertAll(protector.Decrypt);
    }
}
