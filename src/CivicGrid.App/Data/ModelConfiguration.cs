using CivicGrid.App.Access;
using CivicGrid.App.Audit;
using CivicGrid.App.Data.Caching;
using CivicGrid.App.Security.KeyRing;
using CivicGrid.Core.Audit;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.People;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Data;

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

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.Property(h => h.Code).HasMaxLength(60);
        e.Property(h => h.GridCode).HasMaxLength(15);
        e.Property(h => h.Room).HasMaxLength(40);
        e.Property(h => h.Address).HasMaxLength(240);
        e.HasIndex(h => h.Code).IsUnique();
        e.HasIndex(h => h.GridCode);
        e.HasIndex(h => h.BuildingId);
        e.HasOne(h => h.Building).WithMany().HasForeignKey(h => h.BuildingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> e)
    {
        e.Property(r => r.Name).HasMaxLength(50);
        e.Property(r => r.IdNumberHash).HasMaxLength(64);
        e.Property(r => r.IdNumberMasked).HasMaxLength(18);
        e.Property(r => r.IdLast4).HasMaxLength(4);
        e.Property(r => r.PhoneHash).HasMaxLength(64);
        e.Property(r => r.PhoneMasked).HasMaxLength(11);
        e.Property(r => r.GridCode).HasMaxLength(15);
        e.HasIndex(r => r.IdNumberHash).IsUnique();
        e.HasIndex(r => r.PhoneHash);
        e.HasIndex(r => r.GridCode);
        e.HasIndex(r => r.HouseholdId);
        e.HasIndex(r => r.Name);
        e.HasIndex(r => r.IdLast4);
        e.HasOne(r => r.Household).WithMany(h => h.Members).HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(r => r.Tags).WithMany(t => t.Residents).UsingEntity(ResidentTags.Table);
        e.Ignore(r => r.IsActive);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> e)
    {
        e.Property(t => t.Name).HasMaxLength(20);
        e.Property(t => t.Description).HasMaxLength(200);
        e.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.CreditCode).HasMaxLength(18);
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.Industry).HasMaxLength(40);
        e.Property(x => x.RegisteredAddress).HasMaxLength(240);
        e.Property(x => x.OfficeAddress).HasMaxLength(240);
        e.HasIndex(x => x.CreditCode).IsUnique();
        e.HasIndex(x => x.GridCode);
        e.HasIndex(x => x.Name);
        e.HasOne(x => x.Building).WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.SetNull);
        e.Ignore(x => x.AddressesAligned);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.Actor).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(40);
        e.Property(a => a.Entity).HasMaxLength(60);
        e.Property(a => a.EntityKey).HasMaxLength(100);
        e.Property(a => a.ClientAddress).HasMaxLength(60);
        e.Property(a => a.PreviousHash).HasMaxLength(64);
        e.Property(a => a.Hash).HasMaxLength(64);
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.Entity, a.EntityKey });
        e.HasIndex(a => a.Sequence).IsUnique();
        e.Ignore(a => a.IsLinked);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> e)
    {
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.LastHash).HasMaxLength(64);
        e.Property(h => h.Version).IsConcurrencyToken();
    }
}

internal sealed class ProtectionKeyConfiguration : IEntityTypeConfiguration<ProtectionKey>
{
    public void Configure(EntityTypeBuilder<ProtectionKey> e) => e.Property(k => k.FriendlyName).HasMaxLength(100);
}

internal sealed class CacheVersionConfiguration : IEntityTypeConfiguration<CacheVersion>
{
    public void Configure(EntityTypeBuilder<CacheVersion> e)
    {
        e.HasKey(v => v.Name);
        e.Property(v => v.Name).HasMaxLength(40);
        e.HasData(CachedData.All.Select(name => new CacheVersion { Name = name }));
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(50);
        e.Property(u => u.ScopeCode).HasMaxLength(15);
        e.HasIndex(u => u.ScopeCode);
        e.Property(u => u.PhoneHash).HasMaxLength(64);
        e.Property(u => u.PhoneMasked).HasMaxLength(11);
        e.HasIndex(u => u.PhoneHash);
    }
}

/// <summary>The join table of residents and their tags, named so the bulk path can write it.</summary>
public static class ResidentTags
{
    public const string Table = "ResidentTags";
}
