using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Activities;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.Property(a => a.CommunityCode).HasMaxLength(15);
        e.Property(a => a.Title).HasMaxLength(Activity.MaxTitleLength);
        e.Property(a => a.Description).HasMaxLength(Activity.MaxDescriptionLength);
        e.Property(a => a.AudienceRule).HasMaxLength(Activity.MaxRuleLength);
        e.Property(a => a.CreatedBy).HasMaxLength(100);
        e.HasOne<TerritoryNode>().WithMany().HasForeignKey(a => a.CommunityCode).HasPrincipalKey(n => n.Code).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Facility>().WithMany().HasForeignKey(a => a.FacilityId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(a => a.Sessions).WithOne(s => s.Activity).HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.CommunityCode);
    }
}

internal sealed class ActivitySessionConfiguration : IEntityTypeConfiguration<ActivitySession>
{
    public void Configure(EntityTypeBuilder<ActivitySession> e)
    {
        e.Property(s => s.CommunityCode).HasMaxLength(15);
        e.Property(s => s.ConfirmedBy).HasMaxLength(100);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasMany(s => s.Servers).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        // The calendar and a community's list: sessions of a community by start.
        e.HasIndex(s => new { s.CommunityCode, s.StartsAt });
        e.HasIndex(s => new { s.ActivityId, s.StartsAt });
    }
}

internal sealed class SessionServerConfiguration : IEntityTypeConfiguration<SessionServer>
{
    public void Configure(EntityTypeBuilder<SessionServer> e)
    {
        e.HasKey(x => new { x.SessionId, x.VolunteerId });
        e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.VolunteerId);
    }
}

internal sealed class ActivitySignUpConfiguration : IEntityTypeConfiguration<ActivitySignUp>
{
    public void Configure(EntityTypeBuilder<ActivitySignUp> e)
    {
        e.Property(s => s.CommunityCode).HasMaxLength(15);
        e.Property(s => s.CheckedInBy).HasMaxLength(100);
        e.Property(s => s.Comment).HasMaxLength(ActivitySignUp.MaxCommentLength);
        // Two scans of one code at once: the second finds the row already checked in, so one check-in is counted.
        e.Property(s => s.CheckedInAt).IsConcurrencyToken();
        e.HasIndex(s => new { s.SessionId, s.CheckedInAt });
        e.HasOne<ActivitySession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Resident>().WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Cascade);
        // One sign-up per resident and session; a cancelled one is taken up again rather than duplicated.
        e.HasIndex(s => new { s.SessionId, s.ResidentId }).IsUnique();
        e.HasIndex(s => new { s.ResidentId, s.SessionId });
    }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> e)
    {
        e.Property(v => v.GridCode).HasMaxLength(15);
        e.Property(v => v.Name).HasMaxLength(Volunteer.MaxNameLength);
        e.Property(v => v.Skills).HasMaxLength(Volunteer.MaxSkillsLength);
        e.Property(v => v.PhoneMasked).HasMaxLength(11);
        e.Property(v => v.PhoneHash).HasMaxLength(64);
        e.HasOne<Resident>().WithMany().HasForeignKey(v => v.ResidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Core.Enterprises.Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(v => v.ResidentId).IsUnique();
        e.HasIndex(v => new { v.EnterpriseId, v.PhoneHash });
        e.ToTable(t => t.HasCheckConstraint("CK_Volunteers_ResidentOrEnterprise", "(\"ResidentId\" IS NULL) <> (\"EnterpriseId\" IS NULL)"));
        e.HasIndex(v => new { v.GridCode, v.Name });
    }
}

internal sealed class HoursEntryConfiguration : IEntityTypeConfiguration<HoursEntry>
{
    public void Configure(EntityTypeBuilder<HoursEntry> e)
    {
        e.Property(h => h.GridCode).HasMaxLength(15);
        e.Property(h => h.Capacity).HasMaxLength(20);
        e.Property(h => h.CreditedBy).HasMaxLength(100);
        e.HasOne<Volunteer>().WithMany().HasForeignKey(h => h.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        // One credit per volunteer and source: a second confirmation cannot double the hours.
        e.HasIndex(h => new { h.VolunteerId, h.Source, h.SourceId }).IsUnique();
        // Totals per community read the grid prefix and the minutes from the index.
        e.HasIndex(h => new { h.GridCode, h.Minutes });
    }
}

/// <summary>The activities' and volunteers' tables, which only this module uses.</summary>
public static class ActivityTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<Activity> Activities => db.Set<Activity>();
        public DbSet<ActivitySession> ActivitySessions => db.Set<ActivitySession>();
        public DbSet<SessionServer> SessionServers => db.Set<SessionServer>();
        public DbSet<ActivitySignUp> ActivitySignUps => db.Set<ActivitySignUp>();
        public DbSet<Volunteer> Volunteers => db.Set<Volunteer>();
        public DbSet<HoursEntry> HoursEntries => db.Set<HoursEntry>();
    }
}
