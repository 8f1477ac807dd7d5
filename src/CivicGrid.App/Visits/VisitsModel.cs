using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices;
using CivicGrid.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Visits;

/// <summary>
/// A visit keeps the worker's name, not a key to the account: the history stays when an account goes. The plan reads
/// each household's last visit from the first index alone; a grid's history reads the second.
/// </summary>
internal sealed class HouseholdVisitConfiguration : IEntityTypeConfiguration<HouseholdVisit>
{
    public void Configure(EntityTypeBuilder<HouseholdVisit> e)
    {
        e.Property(v => v.GridCode).HasMaxLength(15);
        e.Property(v => v.Situation).HasMaxLength(HouseholdVisitRequest.MaxSituationLength);
        e.Property(v => v.RecordedBy).HasMaxLength(256);
        e.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Resident>().WithMany().HasForeignKey(v => v.MetResidentId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<VisitTask>().WithMany().HasForeignKey(v => v.VisitTaskId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(v => new { v.HouseholdId, v.VisitedOn });
        e.HasIndex(v => new { v.GridCode, v.VisitedOn });
    }
}

internal sealed class VisitPolicyConfiguration : IEntityTypeConfiguration<VisitPolicy>
{
    public void Configure(EntityTypeBuilder<VisitPolicy> e)
    {
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.AttentionRule).HasMaxLength(VisitPolicy.MaxRuleLength);
        e.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}

/// <summary>The visit plans' tables.</summary>
public static class VisitTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<HouseholdVisit> HouseholdVisits => db.Set<HouseholdVisit>();
        public DbSet<VisitPolicy> VisitPolicies => db.Set<VisitPolicy>();
    }
}
