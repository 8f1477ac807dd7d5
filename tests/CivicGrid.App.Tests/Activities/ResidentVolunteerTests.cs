using CivicGrid.App.Access;
using CivicGrid.App.Activities;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Activities;

/// <summary>Staff register a resident without an account as a volunteer by name and ID number, only within their jurisdiction.</summary>
public class ResidentVolunteerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task StaffRegisterAResidentOfTheirGridByNameAndIdNumberAndNobodyElse(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        string grid, otherGrid, name, idNumber;
        await using (var system = app.Scope(new SystemJurisdiction()))
        {
            var r = await system.Db.Residents.Where(x => x.DepartedOn == null).OrderBy(x => x.GridCode).ThenBy(x => x.Id).FirstAsync();
            (grid, name, idNumber) = (r.GridCode, r.Name, system.Get<PersonalDataProtector>().Decrypt(r.IdNumberCipher));
            otherGrid = await system.Db.TerritoryNodes.Where(n => n.Level == Core.Territory.TerritoryLevel.Grid && n.Code != grid).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
        }
        await using (var s = app.Scope(AccountJurisdiction.Of(StaffRole.GridWorker, otherGrid, "网格员", null)))
        {
            var refused = await s.Get<RegisterResidentVolunteerHandler>().HandleAsync(new RegisterResidentVolunteer(name, idNumber, "理发"), None);
            Assert.Equal(RegisterResidentVolunteerHandler.NotFound, refused.Errors["idNumber"].Single());
        }
        await using (var s = app.Scope(AccountJurisdiction.Of(StaffRole.GridWorker, grid, "网格员", null)))
        {
            var register = s.Get<RegisterResidentVolunteerHandler>();
            Assert.Equal(RegisterResidentVolunteerHandler.NotFound, (await register.HandleAsync(new RegisterResidentVolunteer(name + "某", idNumber, "理发"), None)).Errors["idNumber"].Single());
            Assert.Equal(0, await s.Db.Volunteers.CountAsync());
            var done = (await register.HandleAsync(new RegisterResidentVolunteer($" {name} ", idNumber, "理发"), None)).Value!;
            Assert.False(done.AlreadyRegistered);
            Assert.True((await register.HandleAsync(new RegisterResidentVolunteer(name, idNumber, "烹饪"), None)).Value!.AlreadyRegistered);
            var volunteer = await s.Db.Volunteers.SingleAsync();
            Assert.Equal((done.VolunteerId, "理发", grid), (volunteer.Id, volunteer.Skills, volunteer.GridCode));
        }
    }
}
