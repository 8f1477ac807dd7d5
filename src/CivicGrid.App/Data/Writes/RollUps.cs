using System.Reflection;

namespace CivicGrid.App.Data.Writes;

/// <summary>One row's change as a roll-up sees it: the row before (null when new) and after (null when deleted).</summary>
public readonly record struct RowChange(object? Before, object? After);

/// <summary>
/// Figures kept beside the rows of one entity, such as the case indicators per grid and month: a module declares one
/// by implementing this, and every write path queues it with the rows it changes, in the same transaction.
/// </summary>
public interface IRowRollUp
{
    Type Entity { get; }

    void Queue(SqlBatch batch, IReadOnlyList<RowChange> changes);
}

/// <summary>The roll-ups the modules declare, found once like their model configurations.</summary>
internal static class RollUps
{
    private static readonly Dictionary<Type, IRowRollUp> ByEntity = typeof(RollUps).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRowRollUp).IsAssignableFrom(t))
        .Select(t => (IRowRollUp)Activator.CreateInstance(t, nonPublic: true)!)
        .ToDictionary(r => r.Entity);

    public static IRowRollUp? For(Type entity) => ByEntity.GetValueOrDefault(entity);
}
