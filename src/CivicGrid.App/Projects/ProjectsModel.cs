using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Projects;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivicGrid.App.Projects;

/// <summary>Money as whole fen, an integer column on both engines.</summary>
internal sealed class FenConverter() : ValueConverter<Money, long>(m => m.Fen, fen => new Money(fen))
{
    public static readonly FenConverter Instance = new();
}

internal sealed class MajorProjectConfiguration : IEntityTypeConfiguration<MajorProject>
{
    public void Configure(EntityTypeBuilder<MajorProject> e)
    {
        e.Property(p => p.Code).HasMaxLength(ProjectRequest.MaxCodeLength);
        e.HasIndex(p => p.Code).IsUnique();
        e.Property(p => p.Name).HasMaxLength(ProjectRequest.MaxNameLength);
        e.Property(p => p.Investor).HasMaxLength(ProjectRequest.MaxInvestorLength);
        e.Property(p => p.Sector).HasMaxLength(ProjectRequest.MaxSectorLength);
        e.Property(p => p.CommunityCode).HasMaxLength(15);
        e.Property(p => p.StreetCode).HasMaxLength(15);
        e.Property(p => p.Boundary).HasMaxLength(ProjectRequest.MaxBoundaryLength);
        e.Property(p => p.PlannedInvestment).HasConversion(FenConverter.Instance);
        e.Property(p => p.LeadCadreId).HasMaxLength(450);
        e.Property(p => p.ContactName).HasMaxLength(ProjectRequest.MaxContactNameLength);
        e.Property(p => p.ContactPhoneMasked).HasMaxLength(11);
        e.Property(p => p.StatusReason).HasMaxLength(ProjectCommand.MaxNoteLength);
        e.Property(p => p.CreatedBy).HasMaxLength(100);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasOne<TerritoryNode>().WithMany().HasForeignKey(p => p.CommunityCode).HasPrincipalKey(n => n.Code).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ServiceGroup>().WithMany().HasForeignKey(p => p.ServiceGroupId).OnDelete(DeleteBehavior.Restrict);
        // The lead cadre's account may go; the project stays and waits for a new lead.
        e.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.LeadCadreId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(p => p.Gates).WithOne().HasForeignKey(g => g.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.YearPlans).WithOne().HasForeignKey(y => y.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Timeline).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // The portfolio filters by street, group, status and stage; the scope filter reads the community code.
        e.HasIndex(p => new { p.CommunityCode, p.Status, p.Stage });
        e.HasIndex(p => new { p.ServiceGroupId, p.Status, p.Stage });
        e.HasIndex(p => new { p.StreetCode, p.Sector });
    }
}

/// <summary>One row per project and stage; reports count a stage's gates by their planned and actual dates from the index alone.</summary>
internal sealed class ProjectGateConfiguration : IEntityTypeConfiguration<ProjectGate>
{
    public void Configure(EntityTypeBuilder<ProjectGate> e)
    {
        e.HasKey(g => new { g.ProjectId, g.Stage });
        e.HasIndex(g => new { g.Stage, g.PlannedOn, g.ReachedOn, g.ProjectId });
    }
}

internal sealed class ProjectYearPlanConfiguration : IEntityTypeConfiguration<ProjectYearPlan>
{
    public void Configure(EntityTypeBuilder<ProjectYearPlan> e)
    {
        e.HasKey(y => new { y.ProjectId, y.Year });
        e.Property(y => y.Planned).HasConversion(FenConverter.Instance);
    }
}

internal sealed class ProjectEventConfiguration : IEntityTypeConfiguration<ProjectEvent>
{
    public void Configure(EntityTypeBuilder<ProjectEvent> e)
    {
        // The project row's audited change records the move; the timeline is its readable account.
        e.NotAudited();
        e.Property(t => t.Actor).HasMaxLength(100);
        e.Property(t => t.Note).HasMaxLength(ProjectCommand.MaxNoteLength);
        e.HasIndex(t => new { t.ProjectId, t.At });
    }
}

internal sealed class ServiceGroupConfiguration : IEntityTypeConfiguration<ServiceGroup>
{
    public void Configure(EntityTypeBuilder<ServiceGroup> e)
    {
        e.Property(g => g.Name).HasMaxLength(ServiceGroup.MaxNameLength);
        e.HasIndex(g => g.Name).IsUnique();
        e.Property(g => g.Focus).HasMaxLength(ServiceGroup.MaxFocusLength);
        e.Property(g => g.LeaderName).HasMaxLength(50);
    }
}

/// <summary>A cadre's account names its service group.</summary>
internal sealed class CadreGroupConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> e)
    {
        e.HasOne<ServiceGroup>().WithMany().HasForeignKey(u => u.ServiceGroupId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(u => u.ServiceGroupId);
    }
}

/// <summary>Photos are ids of the attachment store the cases use, as a primitive collection like a runner's visit.</summary>
internal sealed class ProjectProgressConfiguration : IEntityTypeConfiguration<ProjectProgress>
{
    public void Configure(EntityTypeBuilder<ProjectProgress> e)
    {
        e.Property(p => p.InvestmentDone).HasConversion(FenConverter.Instance);
        e.Property(p => p.Note).HasMaxLength(ProgressRequest.MaxNoteLength);
        e.Property(p => p.RecordedBy).HasMaxLength(100);
        e.PrimitiveCollection(p => p.Photos);
        e.HasOne<MajorProject>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // Investment by project and month (the guard, the history) and by month over all projects (the reports).
        e.HasIndex(p => new { p.ProjectId, p.Month });
        e.HasIndex(p => new { p.Month, p.ProjectId });
    }
}

internal sealed class ProjectBlockerConfiguration : IEntityTypeConfiguration<ProjectBlocker>
{
    public void Configure(EntityTypeBuilder<ProjectBlocker> e)
    {
        e.Property(b => b.LoggedBy).HasMaxLength(100);
        e.HasOne<MajorProject>().WithMany().HasForeignKey(b => b.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Case>().WithMany().HasForeignKey(b => b.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(b => b.CaseId).IsUnique();
        e.HasIndex(b => new { b.ProjectId, b.Type });
    }
}

/// <summary>The major projects' tables (重大项目), which only this module and its reports use.</summary>
public static class ProjectTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<MajorProject> MajorProjects => db.Set<MajorProject>();
        public DbSet<ProjectGate> ProjectGates => db.Set<ProjectGate>();
        public DbSet<ProjectYearPlan> ProjectYearPlans => db.Set<ProjectYearPlan>();
        public DbSet<ProjectEvent> ProjectEvents => db.Set<ProjectEvent>();
        public DbSet<ServiceGroup> ServiceGroups => db.Set<ServiceGroup>();
        public DbSet<ProjectProgress> ProjectProgress => db.Set<ProjectProgress>();
        public DbSet<ProjectBlocker> ProjectBlockers => db.Set<ProjectBlocker>();
    }
}
