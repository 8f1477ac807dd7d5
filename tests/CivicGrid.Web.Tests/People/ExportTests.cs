using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.App.Imports;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.People;

public class ExportTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ExportsAreMaskedAndFormulaCellsAreNeutralised(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        (await admin.PostAsJsonAsync("/api/tags", new { name = "=1+2", description = "formula" })).EnsureSuccessStatusCode();
        var first = JsonDocument.Parse(await admin.GetStringAsync("/api/residents?pageSize=1")).RootElement.GetProperty("items")[0];
        var id = first.GetProperty("id").GetInt32();
        (await admin.PutAsJsonAsync($"/api/residents/{id}", new { residenceType = "户籍", tags = new[] { "=1+2" } })).EnsureSuccessStatusCode();

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/residents/export?format=csv&q={Uri.EscapeDataString(first.GetProperty("name").GetString()!)}"));
        var xlsx = await admin.GetByteArrayAsync("/api/residents/export?format=xlsx");
        var table = TabularFile.Read(new MemoryStream(xlsx), "export.xlsx");

        Assert.StartsWith("\uFEFF姓名,身份证号", csv, StringComparison.Ordinal);
        Assert.Contains("'=1+2", csv, StringComparison.Ordinal);
        Assert.Contains(first.GetProperty("idNumber").GetString()!, csv, StringComparison.Ordinal);
        Assert.Equal("姓名", table.Headers[0]);
        Assert.Contains(table.Rows, r => r[9] == "'=1+2");
        Assert.All(table.Rows, r => Assert.Contains("**********", r[1], StringComparison.Ordinal));
    }
}
