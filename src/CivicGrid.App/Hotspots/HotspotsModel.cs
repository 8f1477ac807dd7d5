using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Hotspots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Hotspots;

internal sealed class HotspotTaskConfiguration : IEntityTypeConfiguration<HotspotTask>
{
    public void Configure(EntityTypeBuilder<HotspotTask> e)
    {
        e.ToTable("HotspotTasks");
        e.Property(t => t.ItemCode).HasMaxLength(10);
        e.Property(t => t.GridCode).HasMaxLength(15);
        e.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(t => t.CaseId).IsUnique();
        e.HasIndex(t => new { t.GridCode, t.ItemCode });
    }
}

/// <summary>The hotspots' own table, which only this module reads.</summary>
public static class HotspotTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<HotspotTask> HotspotTasks => db.Set<HotspotTask>();
    }
}
