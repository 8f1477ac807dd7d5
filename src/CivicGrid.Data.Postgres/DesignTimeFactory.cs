using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicGrid.Data.Postgres;

/// <summary>Lets `dotnet ef` build the model for PostgreSQL migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CivicGridDbContext>
{
    public CivicGridDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CivicGridDbContext>();
        new PostgresProvider().Configure(options, "Host=localhost;Database=civicgrid_design");
        return new CivicGridDbContext(options.Options, new SystemJurisdiction(), TimeProvider.System);
    }
}
