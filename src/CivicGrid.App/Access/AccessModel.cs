using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Access;

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
