using System.Net;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Npgsql;

namespace CivicGrid.Web.Tests.Security;

public class DatabaseOutageTests
{
    [Fact]
    public async Task LosingTheDatabaseAnswers503WithRetryAfterAndRecoversByItself()
    {
        await using var site = await CivicGridFactory.StartAsync(DatabaseKind.Postgres);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);
        var name = new NpgsqlConnectionStringBuilder(site.Database.ConnectionString).Database!;

        await AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        NpgsqlConnection.ClearAllPools();
        var during = await worker.GetAsync("/api/cases");
        await AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        var after = await worker.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), during.Headers.RetryAfter?.Delta);
        Assert.Contains("数据库暂时无法连接", await during.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
