using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Community;

internal sealed class CaseFollowerConfiguration : IEntityTypeConfiguration<CaseFollower>
{
    public void Configure(EntityTypeBuilder<CaseFollower> e)
    {
        // A resident's wish to be told, like a 附议: the messages it brings are not audited either.
        e.NotAudited();
        e.ToTable("CaseFollowers");
        e.HasKey(f => new { f.CaseId, f.UserId });
        e.Property(f => f.UserId).HasMaxLength(450);
        e.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(f => f.UserId);
    }
}

public static class CommunityModel
{
    extension(CivicGridDbContext db)
    {
        /// <summary>Who follows which case; read by the notifier by its table name.</summary>
        public DbSet<CaseFollower> CaseFollowers => db.Set<CaseFollower>();
    }
}
