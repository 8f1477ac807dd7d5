using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicGrid.Data.Sqlite;

/// <summary>Lets `dotnet ef` build the model for SQLite migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CivicGridDbContext>
{
    public CivicGridDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CivicGridDbContext>();
        new SqliteProvider().Configure(options, "Data Source=design.db");
        return new CivicGridDbContext(options.Options, new SystemJurisdiction(), TimeProvider.System);
    }
}
