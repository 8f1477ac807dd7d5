using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Sweeps;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Enterprises.Sweeps;

internal sealed class RunnerAssignmentConfiguration : IEntityTypeConfiguration<RunnerAssignment>
{
    public void Configure(EntityTypeBuilder<RunnerAssignment> e)
    {
        e.Property(a => a.RunnerId).HasMaxLength(450);
        e.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.RunnerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Building>().WithMany().HasForeignKey(a => a.BuildingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.RunnerId, a.BuildingId });
        e.HasIndex(a => new { a.BuildingId, a.Until });
    }
}

/// <summary>
/// A visit keeps the runner's account id without a key to it: the history stays when an account goes. Photos are ids
/// of the attachment store the cases use, as a primitive collection like an offer's categories.
/// </summary>
internal sealed class EnterpriseVisitConfiguration : IEntityTypeConfiguration<EnterpriseVisit>
{
    public void Configure(EntityTypeBuilder<EnterpriseVisit> e)
    {
        e.Property(v => v.RunnerId).HasMaxLength(450);
        e.Property(v => v.GridCode).HasMaxLength(15);
        e.Property(v => v.MetWhom).HasMaxLength(100);
        e.Property(v => v.Note).HasMaxLength(VisitRequest.MaxNoteLength);
        e.PrimitiveCollection(v => v.Photos);
        e.Ignore(v => v.Day);
        e.HasOne<Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Building>().WithMany().HasForeignKey(v => v.BuildingId).OnDelete(DeleteBehavior.Cascade);
        // Coverage groups the visits to each enterprise's last, reading this index alone (the grid for the scope filter);
        // the history asks for a runner's newest.
        e.HasIndex(v => new { v.EnterpriseId, v.At, v.GridCode });
        e.HasIndex(v => new { v.RunnerId, v.At });
        e.HasIndex(v => new { v.BuildingId, v.At });
    }
}

/// <summary>A need found on a visit names it.</summary>
internal sealed class NeedVisitConfiguration : IEntityTypeConfiguration<EnterpriseNeed>
{
    public void Configure(EntityTypeBuilder<EnterpriseNeed> e) =>
        e.HasOne<EnterpriseVisit>().WithMany().HasForeignKey(n => n.VisitId).OnDelete(DeleteBehavior.SetNull);
}

/// <summary>The sweeps' tables.</summary>
public static class SweepTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<RunnerAssignment> RunnerAssignments => db.Set<RunnerAssignment>();
        public DbSet<EnterpriseVisit> EnterpriseVisits => db.Set<EnterpriseVisit>();
    }
}
