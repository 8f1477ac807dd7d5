using System.Text;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.People;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.People;

public class PersonalDataTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task IdNumbersAndPhonesAreStoredOnlyEncryptedAndFoundByKeyedHash(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(new SystemJurisdiction());
        var protector = scope.Get<Security.PersonalDataProtector>();
        var resident = await scope.Db.Residents.AsNoTracking().FirstAsync(r => r.PhoneCipher != null);
        var id = protector.Decrypt(resident.IdNumberCipher);

        Assert.DoesNotContain(id, Encoding.UTF8.GetString(resident.IdNumberCipher), StringComparison.Ordinal);
        Assert.Equal(protector.Hash(id), resident.IdNumberHash);
        Assert.Equal(id[..4] + new string('*', 10) + id[^4..], resident.IdNumberMasked);
        var found = await scope.Get<SearchResidentsHandler>().HandleAsync(new SearchResidents(id), default);
        Assert.Equal(resident.Id, Assert.Single(found.Items).Id);
        Assert.Equal(resident.IdNumberMasked, found.Items[0].IdNumber);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RevealingIsAllowedToGridStaffAndAuditedWithWhoAndWhen(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        Core.People.Resident resident;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            resident = await system.Db.Residents.AsNoTracking().FirstAsync();
        }
        await using (var worker = app.Scope(new AccountJurisdiction(resident.GridCode, StaffRole.GridWorker, "grid-worker-1", "10.0.0.8")))
        {
            var revealed = await worker.Get<RevealPersonalDataHandler>().HandleAsync(new RevealPersonalData(resident.Id, "入户走访核实"), default);
            Assert.Equal(OutcomeKind.Ok, revealed.Kind);
            Assert.EndsWith(resident.IdLast4, revealed.Value!.IdNumber, StringComparison.Ordinal);
            Assert.Equal(18, revealed.Value.IdNumber.Length);
        }
        await using (var supervisor = app.Scope(new AccountJurisdiction(resident.GridCode, StaffRole.CivicSupervisor, "supervisor", null)))
        {
            var refused = await supervisor.Get<RevealPersonalDataHandler>().HandleAsync(new RevealPersonalData(resident.Id, null), default);
            Assert.Equal(OutcomeKind.Forbidden, refused.Kind);
        }
        await using var check = app.Scope(new SystemJurisdiction());
        var entry = await check.Db.AuditEntries.SingleAsync(e => e.Action == "reveal");
        Assert.Equal(("grid-worker-1", "Resident", resident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "10.0.0.8"),
            (entry.Actor, entry.Entity, entry.EntityKey, entry.ClientAddress));
        Assert.Equal(AppHarness.Now.UtcDateTime, DateTime.SpecifyKind(entry.At, DateTimeKind.Utc));
        Assert.Contains("入户走访核实", entry.Detail, StringComparison.Ordinal);
    }
}
