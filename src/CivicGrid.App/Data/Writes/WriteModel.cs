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
