using CivicGrid.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Open311;

internal sealed class IntegrationKeyConfiguration : IEntityTypeConfiguration<IntegrationKey>
{
    public void Configure(EntityTypeBuilder<IntegrationKey> e)
    {
        e.ToTable("IntegrationKeys");
        e.Property(k => k.Name).HasMaxLength(100);
        e.Property(k => k.KeyHash).HasMaxLength(64);
        e.Property(k => k.Prefix).HasMaxLength(12);
        e.HasIndex(k => k.KeyHash).IsUnique();
    }
}

/// <summary>The module's tables, reached from the one database model as if it declared them.</summary>
public static class Open311Tables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<IntegrationKey> IntegrationKeys => db.Set<IntegrationKey>();
    }
}
