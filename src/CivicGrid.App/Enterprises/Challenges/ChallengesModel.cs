using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Challenges;
using CivicGrid.Core.Enterprises.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Enterprises.Challenges;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> e)
    {
        e.Property(c => c.Title).HasMaxLength(ChallengeRequest.MaxTitleLength);
        e.Property(c => c.Description).HasMaxLength(ChallengeRequest.MaxDescriptionLength);
        e.Property(c => c.Reward).HasMaxLength(200);
        e.Property(c => c.RewardAmount).HasConversion(MoneyConverter.Instance);
        e.Property(c => c.PublishedBy).HasMaxLength(100);
        e.Property(c => c.ClaimedBy).HasMaxLength(100);
        e.Property(c => c.SolverName).HasMaxLength(100);
        e.Property(c => c.Delivery).HasMaxLength(1000);
        e.Property(c => c.Evaluation).HasMaxLength(1000);
        e.Property(c => c.EvaluatedBy).HasMaxLength(100);
        e.Property(c => c.WithdrawalReason).HasMaxLength(1000);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.SolverEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Core.Territory.BusinessCommunity>().WithMany().HasForeignKey(c => c.BusinessCommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<EnterpriseNeed>().WithMany().HasForeignKey(c => c.NeedId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany<ChallengeEvent>().WithOne().HasForeignKey(t => t.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.BusinessCommunityId, c.Status, c.PublishedAt });
        e.HasIndex(c => c.EnterpriseId);
        e.HasIndex(c => c.SolverEnterpriseId);
        e.HasIndex(c => c.NeedId);
    }
}

internal sealed class ChallengeEventConfiguration : IEntityTypeConfiguration<ChallengeEvent>
{
    public void Configure(EntityTypeBuilder<ChallengeEvent> e)
    {
        // The challenge row's audited change records the move; the timeline is its readable account.
        e.NotAudited();
        e.Property(t => t.Actor).HasMaxLength(100);
        e.Property(t => t.Note).HasMaxLength(1000);
        e.HasIndex(t => t.ChallengeId);
    }
}

/// <summary>The challenges' tables (揭榜挂帅), which only this module uses.</summary>
public static class ChallengeTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<Challenge> Challenges => db.Set<Challenge>();
        public DbSet<ChallengeEvent> ChallengeEvents => db.Set<ChallengeEvent>();
    }
}
