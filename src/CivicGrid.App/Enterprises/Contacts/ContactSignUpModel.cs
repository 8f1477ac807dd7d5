using CivicGrid.Core.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Enterprises.Contacts;

internal sealed class ContactSignUpConfiguration : IEntityTypeConfiguration<ContactSignUp>
{
    public void Configure(EntityTypeBuilder<ContactSignUp> e)
    {
        e.Property(s => s.ScopeCode).HasMaxLength(15);
        e.Property(s => s.Name).HasMaxLength(ContactSignUp.MaxNameLength);
        e.Property(s => s.PhoneMasked).HasMaxLength(11);
        e.Property(s => s.EmailMasked).HasMaxLength(256);
        e.Property(s => s.ContactHash).HasMaxLength(64);
        e.Property(s => s.DecidedBy).HasMaxLength(256);
        e.Property(s => s.UserId).HasMaxLength(450);
        e.Property(s => s.Note).HasMaxLength(200);
        e.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.Status, s.ScopeCode });
        e.HasIndex(s => new { s.EnterpriseId, s.ContactHash });
    }
}
