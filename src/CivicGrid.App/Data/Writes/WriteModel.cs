using CivicGrid.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Data.Writes;

/// <summary>
/// What a module declares in its model about how its rows are written. Every row is audited unless its configuration
/// says otherwise, so a new module's records are audited by construction.
/// </summary>
public static class WriteModel
{
    private const string NotAuditedAnnotation = "CivicGrid:NotAudited";

    /// <summary>
    /// Leaves the rows out of the audit chain: only for rows that are not records of people, places or cases
    /// (messages, keys) or that are themselves the record of a change audited beside them (a case's timeline).
    /// </summary>
    public static EntityTypeBuilder<T> NotAudited<T>(this EntityTypeBuilder<T> entity) where T : class =>
        entity.HasAnnotation(NotAuditedAnnotation, true);

    public static bool IsAudited(this IReadOnlyEntityType entity) => entity.FindAnnotation(NotAuditedAnnotation)?.Value is not true;
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.NotAudited();
        e.Property(a => a.Actor).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(40);
        e.Property(a => a.Entity).HasMaxLength(60);
        e.Property(a => a.EntityKey).HasMaxLength(100);
        e.Property(a => a.ClientAddress).HasMaxLength(60);
        e.Property(a => a.PreviousHash).HasMaxLength(64);
        e.Property(a => a.Hash).HasMaxLength(64);
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.Entity, a.EntityKey });
        e.HasIndex(a => a.Sequence).IsUnique();
        e.Ignore(a => a.IsLinked);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> e)
    {
        e.NotAudited();
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.LastHash).HasMaxLength(64);
        e.Property(h => h.Version).IsConcurrencyToken();
    }
}
