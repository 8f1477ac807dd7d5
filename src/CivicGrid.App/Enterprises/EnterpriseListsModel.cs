using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using CivicGrid.Core.Enterprises.Wishes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivicGrid.App.Enterprises;

/// <summary>Money is stored as its whole fen, an integer column on both engines.</summary>
internal sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Fen, fen => new Money(fen))
{
    public static readonly MoneyConverter Instance = new();
}

internal sealed class NeedCategoryConfiguration : IEntityTypeConfiguration<NeedCategory>
{
    public void Configure(EntityTypeBuilder<NeedCategory> e)
    {
        e.HasKey(c => c.Code);
        e.Property(c => c.Code).HasMaxLength(20);
        e.Property(c => c.Name).HasMaxLength(40);
        e.Property(c => c.Description).HasMaxLength(400);
    }
}

internal sealed class WishThemeConfiguration : IEntityTypeConfiguration<WishTheme>
{
    public void Configure(EntityTypeBuilder<WishTheme> e)
    {
        e.HasKey(t => t.Code);
        e.Property(t => t.Code).HasMaxLength(20);
        e.Property(t => t.Name).HasMaxLength(40);
    }
}

internal sealed class EnterpriseNeedConfiguration : IEntityTypeConfiguration<EnterpriseNeed>
{
    public void Configure(EntityTypeBuilder<EnterpriseNeed> e)
    {
        e.Property(n => n.CategoryCode).HasMaxLength(20);
        e.Property(n => n.Description).HasMaxLength(NeedRequest.MaxDescriptionLength);
        e.Property(n => n.RaisedBy).HasMaxLength(100);
        e.Property(n => n.RequestedAmount).HasConversion(MoneyConverter.Instance);
        e.Property(n => n.HeldAmount).HasConversion(MoneyConverter.Instance);
        e.Property(n => n.GrantedAmount).HasConversion(MoneyConverter.Instance);
        e.Property(n => n.Version).IsConcurrencyToken();
        e.Ignore(n => n.IsOpen);
        e.Ignore(n => n.TimeToResolve);
        e.HasOne<Enterprise>().WithMany().HasForeignKey(n => n.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<NeedCategory>().WithMany().HasForeignKey(n => n.CategoryCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CommunityOffer>().WithMany().HasForeignKey(n => n.OfferId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(n => n.Timeline).WithOne().HasForeignKey(t => t.NeedId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(n => new { n.EnterpriseId, n.Status });
        e.HasIndex(n => new { n.Status, n.CategoryCode, n.RaisedAt });
        e.HasIndex(n => n.OfferId);
    }
}

internal sealed class NeedEventConfiguration : IEntityTypeConfiguration<NeedEvent>
{
    public void Configure(EntityTypeBuilder<NeedEvent> e)
    {
        // The need row's audited change records the move; the timeline is its readable account.
        e.NotAudited();
        e.Property(t => t.Actor).HasMaxLength(100);
        e.Property(t => t.Note).HasMaxLength(1000);
        e.Property(t => t.Amount).HasConversion(MoneyConverter.Instance);
        e.HasIndex(t => t.NeedId);
    }
}

/// <summary>
/// The category codes and industries are EF's primitive collections: a JSON array in a text column on SQLite and a
/// text array on PostgreSQL. Both engines translate <c>Contains</c> on them (json_each, = ANY), so an offer's
/// categories are filtered in SQL without a join table, and the lists are short and always read with their offer.
/// </summary>
internal sealed class CommunityOfferConfiguration : IEntityTypeConfiguration<CommunityOffer>
{
    public void Configure(EntityTypeBuilder<CommunityOffer> e)
    {
        e.Property(o => o.Name).HasMaxLength(100);
        e.Property(o => o.Provider).HasMaxLength(100);
        e.Property(o => o.Description).HasMaxLength(1000);
        e.PrimitiveCollection(o => o.CategoryCodes);
        e.PrimitiveCollection(o => o.Industries);
        e.Property(o => o.CreditLine).HasConversion(MoneyConverter.Instance);
        e.Property(o => o.CreditTaken).HasConversion(MoneyConverter.Instance);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.Ignore(o => o.PlacesLeft);
        e.Ignore(o => o.CreditLeft);
        e.HasOne<Core.Territory.BusinessCommunity>().WithMany().HasForeignKey(o => o.BusinessCommunityId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Core.Territory.Building>().WithMany().HasForeignKey(o => o.BuildingId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(o => new { o.Active, o.BusinessCommunityId });
    }
}

internal sealed class EmployeeWishConfiguration : IEntityTypeConfiguration<EmployeeWish>
{
    public void Configure(EntityTypeBuilder<EmployeeWish> e)
    {
        e.Property(w => w.ThemeCode).HasMaxLength(20);
        e.Property(w => w.Text).HasMaxLength(EmployeeWish.MaxTextLength);
        e.HasOne<Core.Territory.Building>().WithMany().HasForeignKey(w => w.BuildingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WishTheme>().WithMany().HasForeignKey(w => w.ThemeCode).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(w => new { w.BuildingId, w.ThemeCode });
    }
}

/// <summary>The enterprise lists' tables, which only this module uses.</summary>
public static class EnterpriseTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<NeedCategory> NeedCategories => db.Set<NeedCategory>();
        public DbSet<EnterpriseNeed> EnterpriseNeeds => db.Set<EnterpriseNeed>();
        public DbSet<NeedEvent> NeedEvents => db.Set<NeedEvent>();
        public DbSet<CommunityOffer> CommunityOffers => db.Set<CommunityOffer>();
        public DbSet<WishTheme> WishThemes => db.Set<WishTheme>();
        public DbSet<EmployeeWish> EmployeeWishes => db.Set<EmployeeWish>();
    }
}

/// <summary>Puts the standard need categories and wish themes into empty tables; staff's edits are never overwritten.</summary>
public static class EnterpriseReferenceData
{
    public static async Task EnsureAsync(CivicGridDbContext db, CancellationToken ct)
    {
        if (!await db.NeedCategories.AnyAsync(ct))
        {
            db.NeedCategories.AddRange(StandardNeedCategories.All());
        }
        if (!await db.WishThemes.AnyAsync(ct))
        {
            db.WishThemes.AddRange(StandardWishThemes.All());
        }
        await db.SaveChangesAsync(ct);
    }
}
