using CivicGrid.App.Data;
using CivicGrid.Core.CashBenefits;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.CashBenefits;

internal sealed class StoredScheduleConfiguration : IEntityTypeConfiguration<StoredSchedule>
{
    public void Configure(EntityTypeBuilder<StoredSchedule> e)
    {
        e.ToTable("BenefitSchedules");
        e.Property(s => s.TiersJson).HasMaxLength(20_000);
        e.Property(s => s.Author).HasMaxLength(100);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(s => s.ServiceItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.ServiceItemId, s.Version }).IsUnique();
    }
}

internal sealed class PayeeAccountConfiguration : IEntityTypeConfiguration<PayeeAccount>
{
    public void Configure(EntityTypeBuilder<PayeeAccount> e)
    {
        e.ToTable("PayeeAccounts");
        e.HasKey(a => a.ResidentId);
        e.Property(a => a.GridCode).HasMaxLength(15);
        e.Property(a => a.BankName).HasMaxLength(PayeeAccount.MaxBankNameLength);
        e.Property(a => a.AccountMasked).HasMaxLength(40);
        e.Property(a => a.UpdatedBy).HasMaxLength(100);
        e.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentListConfiguration : IEntityTypeConfiguration<PaymentList>
{
    public void Configure(EntityTypeBuilder<PaymentList> e)
    {
        e.ToTable("PaymentLists");
        e.Property(l => l.StreetCode).HasMaxLength(9);
        e.Property(l => l.StreetApprovedBy).HasMaxLength(100);
        e.Property(l => l.DistrictApprovedBy).HasMaxLength(100);
        e.Property(l => l.ExportedBy).HasMaxLength(100);
        e.Property(l => l.ExportChecksum).HasMaxLength(64);
        e.Property(l => l.SentBackReason).HasMaxLength(500);
        e.Property(l => l.Version).IsConcurrencyToken();
        e.Ignore(l => l.ListMonth);
        e.Ignore(l => l.MayRebuild);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(l => l.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(l => new { l.ServiceItemId, l.StreetCode, l.Month }).IsUnique();
        e.HasIndex(l => new { l.Month, l.StreetCode });
    }
}

/// <summary>
/// A period is paid at most once per person: one line that has not failed per service, person and period, held by a
/// partial unique index the same on both engines.
/// </summary>
internal sealed class PaymentLineConfiguration : IEntityTypeConfiguration<PaymentLine>
{
    public void Configure(EntityTypeBuilder<PaymentLine> e)
    {
        e.ToTable("PaymentLines");
        e.Property(l => l.GridCode).HasMaxLength(15);
        e.Property(l => l.FailureReason).HasMaxLength(200);
        e.Property(l => l.FixedBy).HasMaxLength(100);
        e.Ignore(l => l.Amount);
        e.HasOne<PaymentList>().WithMany().HasForeignKey(l => l.PaymentListId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Resident>().WithMany().HasForeignKey(l => l.ResidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(l => new { l.ServiceItemId, l.ResidentId, l.Period }).IsUnique()
            .HasFilter($"\"Status\" <> {(int)PaymentLineStatus.Failed}").HasDatabaseName("UX_PaymentLines_OncePerPeriod");
        e.HasIndex(l => new { l.PaymentListId, l.Status });
        e.HasIndex(l => new { l.ResidentId, l.ServiceItemId });
        e.HasIndex(l => new { l.GridCode, l.Status });
    }
}

/// <summary>The cash benefits' tables (现金类待遇), which only this module uses.</summary>
public static class CashBenefitTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<StoredSchedule> BenefitSchedules => db.Set<StoredSchedule>();
        public DbSet<PayeeAccount> PayeeAccounts => db.Set<PayeeAccount>();
        public DbSet<PaymentList> PaymentLists => db.Set<PaymentList>();
        public DbSet<PaymentLine> PaymentLines => db.Set<PaymentLine>();
    }
}
