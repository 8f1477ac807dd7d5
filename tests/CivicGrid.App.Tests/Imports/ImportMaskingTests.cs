using CivicGrid.App.Access;
using CivicGrid.App.Imports;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Imports;

/// <summary>
/// The importers write past the change tracker, so they mask ID and mobile numbers typed into free-text cells
/// themselves: names, addresses, rooms and business communities are stored masked, the dedicated ID and phone
/// columns are stored as always (encrypted, with their own masked copy), and importing the file again changes nothing.
/// </summary>
public class ImportMaskingTests
{
    private static readonly IJurisdiction System = new SystemJurisdiction("tests");

    private const string Id = "11010519491231002X";
    private const string Mobile = "13812345678";
    private const string MaskedId = "1101**********002X";
    private const string MaskedMobile = "138****5678";

    private static async Task<ImportReport> ImportAsync(AppHarness app, ImportKind kind, string csv)
    {
        await using var scope = app.Scope(System);
        var outcome = await scope.Get<RunImportHandler>().HandleAsync(new RunImport(kind, ImportFiles.Csv(csv), true, "file.csv"), null, CancellationToken.None);
        var report = outcome.Value ?? throw new InvalidOperationException(outcome.Kind.ToString());
        Assert.True(report.Committed, string.Join("; ", report.Errors));
        return report;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task NumbersTypedIntoImportedFreeTextAreStoredMasked(DatabaseKind kind)
    {
        await using var app = await AppHarness.StartAsync(kind);
        string grid, household;
        double latitude, longitude;
        await using (var scope = app.Scope(System))
        {
            var first = await scope.Db.Households.OrderBy(h => h.Id).FirstAsync();
            var building = await scope.Db.Buildings.SingleAsync(b => b.Id == first.BuildingId);
            (grid, household, latitude, longitude) = (first.GridCode, first.Code, building.Latitude, building.Longitude);
        }
        var typed = $"联系{Id}电话{Mobile}";
        var code = $"{grid}-M1";
        var at = FormattableString.Invariant($"{latitude},{longitude}");
        var credit = CreditCode.Compose('9', '1', "330105", "MAKE0001");
        var files = new (ImportKind Kind, string Csv)[]
        {
            (ImportKind.Buildings, ImportFiles.Lines("楼栋编号,楼栋名称,地址,网格编码,纬度,经度,商务楼宇,商务社区", $"{code},楼{typed},小河路{typed},{grid},{at},是,社区{typed}")),
            (ImportKind.Households, ImportFiles.Lines("户编号,楼栋编号,房号", $"{code}-H1,{code},室{typed}")),
            (ImportKind.Residents, ImportFiles.Lines(ImportFiles.ResidentHeader, $"王{typed},{Id},{Mobile},户籍,2020-05-01,{household},户主,")),
            (ImportKind.Enterprises, ImportFiles.Lines("企业名称,统一社会信用代码,楼栋编号,行业,员工人数,注册地址,办公地址", $"公司{typed},{credit},{code},软件,5,注册{typed},办公{typed}")),
        };
        foreach (var (fileKind, csv) in files)
        {
            await ImportAsync(app, fileKind, csv);
        }

        var shown = $"联系{MaskedId}电话{MaskedMobile}";
        await using (var scope = app.Scope(System))
        {
            var building = await scope.Db.Buildings.Include(b => b.BusinessCommunity).SingleAsync(b => b.Code == code);
            Assert.Equal(($"楼{shown}", $"小河路{shown}", $"社区{shown}"), (building.Name, building.Address, building.BusinessCommunity!.Name));
            var home = await scope.Db.Households.SingleAsync(h => h.Code == $"{code}-H1");
            Assert.Equal(($"室{shown}", $"小河路{shown}室{shown}"), (home.Room, home.Address));
            var person = await scope.Db.Residents.SingleAsync(r => r.IdLast4 == "002X");
            Assert.Equal($"王{shown}", person.Name);
            // The dedicated columns keep the whole numbers, encrypted, and their own masked copies.
            Assert.Equal((MaskedId, MaskedMobile), (person.IdNumberMasked, person.PhoneMasked));
            Assert.NotNull(person.IdNumberCipher);
            var firm = await scope.Db.Enterprises.SingleAsync(e => e.CreditCode == credit);
            Assert.Equal(($"公司{shown}", $"注册{shown}", $"办公{shown}"), (firm.Name, firm.RegisteredAddress, firm.OfficeAddress));
        }
        foreach (var (fileKind, csv) in files)
        {
            var again = await ImportAsync(app, fileKind, csv);
            Assert.True((0, 0) == (again.Inserted, again.Updated), $"{fileKind}: {again.Inserted} inserted, {again.Updated} updated on the second import");
        }
    }
}
