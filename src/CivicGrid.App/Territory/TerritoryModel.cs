using CivicGrid.Core.Territory;
using CivicGrid.Core.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Territory;

internal sealed class TerritoryNodeConfiguration : IEntityTypeConfiguration<TerritoryNode>
{
    public void Configure(EntityTypeBuilder<TerritoryNode> e)
    {
        e.HasKey(n => n.Code);
        e.Property(n => n.Code).HasMaxLength(15);
        e.Property(n => n.ParentCode).HasMaxLength(15);
        e.Property(n => n.Name).HasMaxLength(100);
        e.HasIndex(n => n.ParentCode);
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> e)
    {
        e.Property(b => b.Code).HasMaxLength(40);
        e.Property(b => b.Name).HasMaxLength(100);
        e.Property(b => b.Address).HasMaxLength(200);
        e.Property(b => b.GridCode).HasMaxLength(15);
        e.HasIndex(b => b.Code).IsUnique();
        e.HasIndex(b => b.GridCode);
        e.HasOne(b => b.BusinessCommunity).WithMany(c => c.Buildings).HasForeignKey(b => b.BusinessCommunityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BusinessCommunityConfiguration : IEntityTypeConfiguration<BusinessCommunity>
{
    public void Configure(EntityTypeBuilder<BusinessCommunity> e)
    {
        e.Property(c => c.Name).HasMaxLength(100);
        e.Property(c => c.StreetCode).HasMaxLength(15);
        e.HasIndex(c => c.Name).IsUnique();
    }
}
