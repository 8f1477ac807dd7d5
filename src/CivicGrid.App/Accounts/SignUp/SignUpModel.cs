using CivicGrid.App.Access;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Accounts.SignUp;

internal sealed class PhoneCodeConfiguration : IEntityTypeConfiguration<PhoneCode>
{
    public void Configure(EntityTypeBuilder<PhoneCode> e)
    {
        e.Property(c => c.PhoneHash).HasMaxLength(64);
        e.Property(c => c.CodeHash).HasMaxLength(64);
        e.Property(c => c.ClientAddress).HasMaxLength(64);
        e.HasIndex(c => new { c.PhoneHash, c.CreatedAt });
        e.HasIndex(c => new { c.ClientAddress, c.CreatedAt });
    }
}

internal sealed class ResidentSignUpConfiguration : IEntityTypeConfiguration<ResidentSignUp>
{
    public void Configure(EntityTypeBuilder<ResidentSignUp> e)
    {
        e.Property(s => s.UserId).HasMaxLength(450);
        e.Property(s => s.PhoneHash).HasMaxLength(64);
        e.Property(s => s.PhoneMasked).HasMaxLength(11);
        e.Property(s => s.Name).HasMaxLength(50);
        e.Property(s => s.IdNumberHash).HasMaxLength(64);
        e.Property(s => s.IdNumberMasked).HasMaxLength(18);
        e.Property(s => s.ScopeCode).HasMaxLength(15);
        e.Property(s => s.DecidedBy).HasMaxLength(256);
        e.HasIndex(s => s.PhoneHash).IsUnique();
        e.HasIndex(s => s.IdNumberHash);
        e.HasIndex(s => s.UserId).IsUnique();
        e.HasIndex(s => new { s.Status, s.ScopeCode });
    }
}

/// <summary>The <c>Sms</c> limits on one-time codes: one a minute and a few an hour per number, more per client address.</summary>
public sealed class PhoneCodeLimits
{
    public const string Section = "Sms";
    public int PerPhonePerHour { get; set; } = 5;
    public int PerAddressPerHour { get; set; } = 20;
    public int ResendSeconds { get; set; } = 60;
}
