using CivicGrid.Core.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Enterprises;

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
        // The dashboard counts the key tax-paying firms of a place (the share in business communities).
        e.HasIndex(x => new { x.IsKeyTaxSource, x.GridCode });
        e.HasIndex(x => x.Name);
        e.HasOne(x => x.Building).WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.SetNull);
        e.Ignore(x => x.AddressesAligned);
    }
}
