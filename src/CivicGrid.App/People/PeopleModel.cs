using CivicGrid.Core.People;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.People;

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
        // In the list's order (name, then id) with the grid code beside them: a count by name within a jurisdiction,
        // and the ids of a page deep in the list, are read from the index alone.
        e.HasIndex(r => new { r.Name, r.Id, r.GridCode });
        e.HasIndex(r => r.IdLast4);
        // Every fact a rule tests of the resident, and the id: a service's target list reads the residents it
        // selects from this index alone (a range of birth dates for an age rule), not from the wide table.
        e.HasIndex(r => new { r.BirthDate, r.GridCode, r.ResidenceType, r.Gender, r.Relation, r.HouseholdId, r.MoveInDate, r.DepartedOn, r.Id }, "IX_Residents_RuleFacts");
        // The few who died or moved out, by date: a payment list reads those of its arrears window without a scan.
        e.HasIndex(r => new { r.DepartedOn, r.GridCode }, "IX_Residents_Departed").HasFilter("\"DepartedOn\" IS NOT NULL");
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

/// <summary>The join table of residents and their tags, named so the bulk path can write it.</summary>
public static class ResidentTags
{
    public const string Table = "ResidentTags";
}
