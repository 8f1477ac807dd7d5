using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Security.KeyRing;

internal sealed class ProtectionKeyConfiguration : IEntityTypeConfiguration<ProtectionKey>
{
    public void Configure(EntityTypeBuilder<ProtectionKey> e)
    {
        e.ToTable("ProtectionKeys");
        // A key is recorded by name only, by the key ring, without its (encrypted) content.
        e.NotAudited();
        e.Property(k => k.FriendlyName).HasMaxLength(100);
    }
}

/// <summary>The module's tables, reached from the one database model as if it declared them.</summary>
public static class KeyRingTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<ProtectionKey> ProtectionKeys => db.Set<ProtectionKey>();
    }
}
