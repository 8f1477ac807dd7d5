using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using CivicGrid.Core.Assessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Assessment;

/// <summary>
/// A stored assessment scheme (考核方案) and its versions, like a service's eligibility rules: an edit adds a version,
/// publishing makes the newest version the one that counts, and a published version is never changed.
/// </summary>
public sealed class StoredScheme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public AssessedLevel Level { get; set; }
    /// <summary>The version reviews are run with; null until one is published.</summary>
    public int? PublishedVersion { get; set; }
    public List<SchemeVersion> Versions { get; set; } = [];
}

/// <summary>One version of a scheme: its whole definition as JSON, who wrote it and when it was published.</summary>
public sealed class SchemeVersion
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public int Version { get; set; }
    public required string Definition { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    public AssessmentScheme Scheme() => SchemeJson.Read(Definition);
}

/// <summary>A bonus or penalty recorded by hand for one unit, scheme and period (加减分), with its reason and evidence.</summary>
public sealed class ScoreAdjustment
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public required string UnitCode { get; set; }
    public decimal Points { get; set; }
    public required string Reason { get; set; }
    public string? Evidence { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>One unit's result in a review: the score, stars, colour, rank and list, and every line it is the sum of (JSON).</summary>
public sealed class ReviewResult
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    /// <summary>Set when the review and its results are saved together.</summary>
    public AssessmentReview? Review { get; set; }
    public required string UnitCode { get; set; }
    public required string UnitName { get; set; }
    public decimal Total { get; set; }
    public int Stars { get; set; }
    public RatingColour Colour { get; set; }
    public int Rank { get; set; }
    public ListPlace List { get; set; }
    public required string Lines { get; set; }
}

internal sealed class StoredSchemeConfiguration : IEntityTypeConfiguration<StoredScheme>
{
    public void Configure(EntityTypeBuilder<StoredScheme> e)
    {
        e.ToTable("AssessmentSchemes");
        e.Property(s => s.Name).HasMaxLength(100);
        e.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchemeVersionConfiguration : IEntityTypeConfiguration<SchemeVersion>
{
    public void Configure(EntityTypeBuilder<SchemeVersion> e)
    {
        e.ToTable("AssessmentSchemeVersions");
        e.Property(v => v.Definition).HasMaxLength(20_000);
        e.Property(v => v.Author).HasMaxLength(256);
        e.HasIndex(v => new { v.SchemeId, v.Version }).IsUnique();
    }
}

internal sealed class ScoreAdjustmentConfiguration : IEntityTypeConfiguration<ScoreAdjustment>
{
    public void Configure(EntityTypeBuilder<ScoreAdjustment> e)
    {
        e.ToTable("AssessmentAdjustments");
        e.Property(a => a.UnitCode).HasMaxLength(15);
        e.Property(a => a.Points).HasPrecision(6, 2);
        e.Property(a => a.Reason).HasMaxLength(500);
        e.Property(a => a.Evidence).HasMaxLength(500);
        e.Property(a => a.RecordedBy).HasMaxLength(256);
        e.HasOne<StoredScheme>().WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.SchemeId, a.PeriodStart });
    }
}

internal sealed class AssessmentReviewConfiguration : IEntityTypeConfiguration<AssessmentReview>
{
    public void Configure(EntityTypeBuilder<AssessmentReview> e)
    {
        e.ToTable("AssessmentReviews");
        e.Property(r => r.ComputedBy).HasMaxLength(256);
        e.Property(r => r.PublishedBy).HasMaxLength(256);
        e.HasOne<SchemeVersion>().WithMany().HasForeignKey(r => r.SchemeVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AssessmentReview>().WithMany().HasForeignKey(r => r.CorrectsReviewId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.SchemeVersionId, r.PeriodStart });
    }
}

internal sealed class ReviewResultConfiguration : IEntityTypeConfiguration<ReviewResult>
{
    public void Configure(EntityTypeBuilder<ReviewResult> e)
    {
        e.ToTable("AssessmentResults");
        // Derived figures, computed with the review whose own row is audited.
        e.NotAudited();
        e.Property(r => r.UnitCode).HasMaxLength(15);
        e.Property(r => r.UnitName).HasMaxLength(100);
        e.Property(r => r.Total).HasPrecision(7, 2);
        e.Property(r => r.Lines).HasMaxLength(50_000);
        e.HasOne(r => r.Review).WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.ReviewId, r.UnitCode }).IsUnique();
        e.HasIndex(r => new { r.UnitCode, r.ReviewId });
    }
}

internal sealed class ReviewObjectionConfiguration : IEntityTypeConfiguration<ReviewObjection>
{
    public void Configure(EntityTypeBuilder<ReviewObjection> e)
    {
        e.ToTable("AssessmentObjections");
        e.Property(o => o.UnitCode).HasMaxLength(15);
        e.Property(o => o.Reason).HasMaxLength(1000);
        e.Property(o => o.FiledBy).HasMaxLength(256);
        e.Property(o => o.Reply).HasMaxLength(1000);
        e.Property(o => o.AnsweredBy).HasMaxLength(256);
        e.HasOne<AssessmentReview>().WithMany().HasForeignKey(o => o.ReviewId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(o => new { o.ReviewId, o.UnitCode });
    }
}

/// <summary>The assessment's tables.</summary>
public static class AssessmentTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<StoredScheme> AssessmentSchemes => db.Set<StoredScheme>();
        public DbSet<SchemeVersion> AssessmentSchemeVersions => db.Set<SchemeVersion>();
        public DbSet<ScoreAdjustment> AssessmentAdjustments => db.Set<ScoreAdjustment>();
        public DbSet<AssessmentReview> AssessmentReviews => db.Set<AssessmentReview>();
        public DbSet<ReviewResult> AssessmentResults => db.Set<ReviewResult>();
        public DbSet<ReviewObjection> AssessmentObjections => db.Set<ReviewObjection>();
    }
}
