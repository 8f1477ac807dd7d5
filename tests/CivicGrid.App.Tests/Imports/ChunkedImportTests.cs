using System.Text;
using CivicGrid.App.Access;
using CivicGrid.App.Imports;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Tests.Imports;

/// <summary>A resident file read as a stream and checked and written a few rows at a time, still all rows or none.</summary>
public class ChunkedImportTests
{
    private const int ChunkRows = 3;
    private static readonly IJurisdiction System = new SystemJurisdiction("tests");

    private static string Row(int i, string household) =>
        $"居民{i},{IdNumber.Compose("330105", new DateOnly(1960, 1, 1).AddDays(i), 11, Gender.Male)},,户籍,2020-05-01,{household},其他,独居";

    private static async Task<(AppHarness App, string Household, int Before)> ArrangeAsync(DatabaseKind kind)
    {
        var app = await AppHarness.StartAsync(kind);
        await using var scope = app.Scope(System);
        var household = await scope.Db.Households.OrderBy(h => h.Id).Select(h => h.Code).FirstAsync();
        return (app, household, await scope.Db.Residents.CountAsync());
    }

    /// <summary>Imports from a stream that cannot seek, as an upload's body, so the reader streams (and spools) it.</summary>
    private static async Task<ImportReport> ImportAsync(AppHarness app, IEnumerable<string> rows, bool commit = true)
    {
        var bytes = Encoding.UTF8.GetBytes(ImportFiles.Lines([ImportFiles.ResidentHeader, .. rows]));
        using var data = TabularFile.Open(new OneWayStream(new MemoryStream(bytes)), "residents.csv");
        await using var scope = app.Scope(System);
        var outcome = await scope.Get<RunImportHandler>().HandleAsync(
            new RunImport(ImportKind.Residents, data, commit, "residents.csv") { ChunkRows = ChunkRows }, null, CancellationToken.None);
        return outcome.Value ?? throw new InvalidOperationException(outcome.Kind.ToString());
    }

    private static async Task<int> CountAsync(AppHarness app)
    {
        await using var scope = app.Scope(System);
        return await scope.Db.Residents.CountAsync();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABadRowInTheLastChunkUndoesTheChunksWrittenBeforeIt(DatabaseKind kind)
    {
        var (app, household, before) = await ArrangeAsync(kind);
        await using var _app = app;
        var good = Enumerable.Range(1, 10).Select(i => Row(i, household)).ToList();

        var refused = await ImportAsync(app, [.. good, Row(11, "no-such-household")]);

        Assert.False(refused.Committed);
        Assert.Equal([new ImportError(12, "户编号", "户编号不存在或不在您的管辖范围内")], refused.Errors);
        Assert.Equal((0, 0), (refused.Inserted, refused.Updated));
        Assert.Equal(before, await CountAsync(app));
        await using (var scope = app.Scope(System))
        {
            Assert.False(await scope.Db.Residents.AnyAsync(r => r.Name.StartsWith("居民")));
        }

        var imported = await ImportAsync(app, good);

        Assert.True(imported.Committed);
        Assert.Equal((10, 10), (imported.Rows, imported.Inserted));
        Assert.Equal(before + 10, await CountAsync(app));
        await using (var scope = app.Scope(System))
        {
            Assert.Equal(10, await scope.Db.Residents.CountAsync(r => r.Name.StartsWith("居民") && r.Tags.Any(t => t.Name == "独居")));
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnIdNumberRepeatedInALaterChunkIsFoundAndNothingIsWritten(DatabaseKind kind)
    {
        var (app, household, before) = await ArrangeAsync(kind);
        await using var _app = app;
        var rows = Enumerable.Range(1, 8).Select(i => Row(i, household)).Append(Row(1, household).Replace("居民1,", "另一人,", StringComparison.Ordinal)).ToList();

        var preview = await ImportAsync(app, rows, commit: false);
        var refused = await ImportAsync(app, rows);

        var repeated = new ImportError(10, "身份证号", "身份证号与第2行重复");
        Assert.Equal([repeated], preview.Errors);
        Assert.Equal([repeated], refused.Errors);
        Assert.False(refused.Committed);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task APreviewInChunksCountsWhatTheImportWillDoAndWritesNothing(DatabaseKind kind)
    {
        var (app, household, before) = await ArrangeAsync(kind);
        await using var _app = app;
        await ImportAsync(app, Enumerable.Range(1, 4).Select(i => Row(i, household)));
        var rows = Enumerable.Range(1, 10).Select(i => Row(i, household)).ToList();
        rows[0] = rows[0].Replace("居民1,", "改名,", StringComparison.Ordinal);

        var preview = await ImportAsync(app, rows, commit: false);

        Assert.False(preview.Committed);
        Assert.Empty(preview.Errors);
        Assert.Equal((10, 6, 1, 3), (preview.Rows, preview.Inserted, preview.Updated, preview.Unchanged));
        Assert.Equal(before + 4, await CountAsync(app));
    }
}
