using System.Diagnostics;
using CivicGrid.Core.PublicServices.Coverage;
using Npgsql;
using NpgsqlTypes;

namespace CivicGrid.Bench;

/// <summary>
/// The coverage anchor: households and facilities as geography points in a scratch database with PostGIS, and one
/// query for the nearest facility of each type within the 15-minute reach of each household, on the sphere as our
/// kernel measures. Null when no PostgreSQL is configured or it has no PostGIS.
/// </summary>
internal static class PostgisCoverage
{
    private const string Query =
        "SELECT h.id, f.type, min(ST_Distance(h.g, f.g, false)) FROM coverage_households h " +
        "JOIN coverage_facilities f ON ST_DWithin(h.g, f.g, @reach, false) GROUP BY h.id, f.type";

    /// <summary>The time, the band of every household and type, and the distance PostGIS measured (+∞ beyond reach).</summary>
    public sealed record Answer(double Milliseconds, byte[] Bands, double[] Distances, long Pairs);

    public static async Task<Answer?> RunAsync(BenchOptions options, CoverageFacility[] facilities, CoverageHousehold[] households, int types)
    {
        if (options.Postgres is null)
        {
            return null;
        }
        var name = $"civicgrid_coverage_{Guid.NewGuid():N}";
        try
        {
            await ExecuteAsync(options.Postgres, $"CREATE DATABASE \"{name}\"");
        }
        catch (NpgsqlException e)
        {
            Console.WriteLine($"coverage: anchor unavailable: {e.Message}");
            return null;
        }
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Postgres) { Database = name, CommandTimeout = 0 }.ConnectionString);
            await connection.OpenAsync();
            if (!await TryCreatePostgisAsync(connection))
            {
                return null;
            }
            var watch = Stopwatch.StartNew();
            await LoadAsync(connection, facilities, households);
            Console.WriteLine($"coverage: PostGIS loaded and indexed in {watch.Elapsed.TotalSeconds:F1} s");
            return await MeasureAsync(connection, households.Length, types);
        }
        finally
        {
            await ExecuteAsync(options.Postgres, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<bool> TryCreatePostgisAsync(NpgsqlConnection connection)
    {
        try
        {
            await Execute(connection, "CREATE EXTENSION postgis");
            return true;
        }
        catch (PostgresException e)
        {
            Console.WriteLine($"coverage: anchor unavailable: {e.MessageText}");
            return false;
        }
    }

    private static async Task LoadAsync(NpgsqlConnection connection, CoverageFacility[] facilities, CoverageHousehold[] households)
    {
        await Execute(connection, "CREATE UNLOGGED TABLE staging (id int, kind int, lon float8, lat float8)");
        await using (var writer = await connection.BeginBinaryImportAsync("COPY staging (id, kind, lon, lat) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < households.Length; i++)
            {
                await WriteRowAsync(writer, i, households[i].GridIndex, households[i].Longitude, households[i].Latitude);
            }
            for (var i = 0; i < facilities.Length; i++)
            {
                await WriteRowAsync(writer, -1 - i, facilities[i].TypeIndex, facilities[i].Longitude, facilities[i].Latitude);
            }
            await writer.CompleteAsync();
        }
        await Execute(connection, "CREATE TABLE coverage_households AS SELECT id, kind AS grid, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g FROM staging WHERE id >= 0");
        await Execute(connection, "CREATE TABLE coverage_facilities AS SELECT -1 - id AS id, kind AS type, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g FROM staging WHERE id < 0");
        await Execute(connection, "CREATE INDEX ON coverage_facilities USING gist (g)");
        await Execute(connection, "CREATE INDEX ON coverage_households USING gist (g)");
        await Execute(connection, "ANALYZE coverage_households; ANALYZE coverage_facilities");
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter writer, int id, int kind, double lon, double lat)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(id, NpgsqlDbType.Integer);
        await writer.WriteAsync(kind, NpgsqlDbType.Integer);
        await writer.WriteAsync(lon, NpgsqlDbType.Double);
        await writer.WriteAsync(lat, NpgsqlDbType.Double);
    }

    private static async Task<Answer> MeasureAsync(NpgsqlConnection connection, int householdCount, int types)
    {
        var bands = WalkingModel.Default.Bands();
        var watch = Stopwatch.StartNew();
        var result = new byte[householdCount * types];
        Array.Fill(result, (byte)CoverageBand.Beyond);
        var distances = new double[result.Length];
        Array.Fill(distances, double.PositiveInfinity);
        long pairs = 0;
        await using (var command = new NpgsqlCommand(Query, connection))
        {
            command.Parameters.AddWithValue("reach", bands.Reach);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var at = reader.GetInt32(0) * types + reader.GetInt32(1);
                distances[at] = reader.GetDouble(2);
                result[at] = (byte)bands.Of(distances[at]);
                pairs++;
            }
        }
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"coverage: PostGIS {elapsed:F0} ms for {pairs:N0} household–type pairs within reach");
        return new Answer(elapsed, result, distances, pairs);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await Execute(connection, sql);
    }
}
