using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Core.Access;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Api;

/// <summary>What a client reads: every time with its offset, on either engine, and states by name.</summary>
public partial class JsonShapeTests
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex Time();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Offset();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_case_read_back_carries_each_time_with_its_offset_and_its_state_by_name(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var id = await CivicGridFactory.SubmitCaseAsync(admin, grid);

        var detail = JsonDocument.Parse(await admin.GetStringAsync($"/api/cases/{id}")).RootElement;

        var times = Strings(detail).Where(s => Time().IsMatch(s)).ToList();
        Assert.True(times.Count >= 3, string.Join(", ", times));
        Assert.All(times, t => Assert.Matches(Offset(), t));
        Assert.Equal(JsonValueKind.String, detail.GetProperty("status").ValueKind);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
