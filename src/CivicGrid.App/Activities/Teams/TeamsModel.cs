using CivicGrid.App.Data;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Activities.Teams;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Activities.Teams;

internal sealed class VolunteerTeamConfiguration : IEntityTypeConfiguration<VolunteerTeam>
{
    public void Configure(EntityTypeBuilder<VolunteerTeam> e)
    {
        e.Property(t => t.CommunityCode).HasMaxLength(15);
        e.Property(t => t.Name).HasMaxLength(VolunteerTeam.MaxNameLength);
        e.Property(t => t.SkillList).HasMaxLength(VolunteerTeam.MaxSkillListLength);
        e.HasOne<TerritoryNode>().WithMany().HasForeignKey(t => t.CommunityCode).HasPrincipalKey(n => n.Code).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ThinkTankGroup>().WithMany().HasForeignKey(t => t.ThinkTankGroupId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(t => new { t.CommunityCode, t.Name }).IsUnique();
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> e)
    {
        e.Property(m => m.CommunityCode).HasMaxLength(15);
        e.Property(m => m.Skills).HasMaxLength(VolunteerTeam.MaxSkillListLength);
        e.Property(m => m.AddedBy).HasMaxLength(100);
        e.HasOne<VolunteerTeam>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Volunteer>().WithMany().HasForeignKey(m => m.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        // One membership per volunteer and team.
        e.HasIndex(m => new { m.TeamId, m.VolunteerId }).IsUnique();
        e.HasIndex(m => m.VolunteerId);
    }
}

internal sealed class DeliberationInvitationConfiguration : IEntityTypeConfiguration<DeliberationInvitation>
{
    public void Configure(EntityTypeBuilder<DeliberationInvitation> e)
    {
        e.Property(i => i.HostCode).HasMaxLength(15);
        e.Property(i => i.InvitedBy).HasMaxLength(100);
        e.HasOne<DeliberationDay>().WithMany().HasForeignKey(i => i.DeliberationDayId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Volunteer>().WithMany().HasForeignKey(i => i.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<VolunteerTeam>().WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Restrict);
        // One invitation per member and day: inviting again changes nothing.
        e.HasIndex(i => new { i.DeliberationDayId, i.VolunteerId }).IsUnique();
        e.HasIndex(i => i.VolunteerId);
    }
}

/// <summary>The volunteer teams' and invitations' tables, which only this module uses.</summary>
public static class TeamTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<VolunteerTeam> VolunteerTeams => db.Set<VolunteerTeam>();
        public DbSet<TeamMember> TeamMembers => db.Set<TeamMember>();
        public DbSet<DeliberationInvitation> DeliberationInvitations => db.Set<DeliberationInvitation>();
    }
}
