using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Alignment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Enterprises.Alignment;

internal sealed class AlignmentFollowUpConfiguration : IEntityTypeConfiguration<AlignmentFollowUp>
{
    public void Configure(EntityTypeBuilder<AlignmentFollowUp> e)
    {
        e.Property(f => f.Reason).HasMaxLength(AlignmentFollowUp.MaxNoteLength);
        e.Property(f => f.Version).IsConcurrencyToken();
        e.HasOne<Enterprise>().WithMany().HasForeignKey(f => f.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(f => f.Steps).WithOne().HasForeignKey(s => s.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        // One follow-up per firm; the unique index also refuses the second of two racing first steps.
        e.HasIndex(f => f.EnterpriseId).IsUnique();
        e.HasIndex(f => f.Status);
    }
}

internal sealed class AlignmentStepConfiguration : IEntityTypeConfiguration<AlignmentStep>
{
    public void Configure(EntityTypeBuilder<AlignmentStep> e)
    {
        // The follow-up row's audited change records the step; the steps are its readable account.
        e.NotAudited();
        e.Property(s => s.Actor).HasMaxLength(100);
        e.Property(s => s.Note).HasMaxLength(AlignmentFollowUp.MaxNoteLength);
        e.HasIndex(s => s.FollowUpId);
    }
}

/// <summary>The address-alignment follow-ups' tables (注册地与办公地一致).</summary>
public static class AlignmentTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<AlignmentFollowUp> AlignmentFollowUps => db.Set<AlignmentFollowUp>();
        public DbSet<AlignmentStep> AlignmentSteps => db.Set<AlignmentStep>();
    }
}
