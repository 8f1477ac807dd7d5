using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicGrid.App.Data;

/// <summary>
/// An entity's table as the model maps it: the columns and one entity's values for them. The raw write paths (bulk
/// insert, intake batches) use it instead of the change tracker, so they stay in step with the model by themselves.
/// </summary>
public sealed class EntityRows
{
    private readonly IClrPropertyGetter[] _getters;
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] _converters;

    private EntityRows(string table, IReadOnlyList<IProperty> properties)
    {
        Table = table;
        _converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
        _getters = properties.Select(p => p.GetGetter()).ToArray();
        Columns = properties.Select(p => p.GetColumnName()).ToList();
        Mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
    }

    public string Table { get; }
    public IReadOnlyList<string> Columns { get; }
    /// <summary>How each column's values are sent to the engine, converters included.</summary>
    public IReadOnlyList<RelationalTypeMapping> Mappings { get; }

    /// <param name="withGeneratedKey">Whether the key goes in too: yes when the writer assigns ids, no when the engine does.</param>
    public static EntityRows Of<T>(IModel model, bool withGeneratedKey) where T : class =>
        Known.GetOrAdd((model, typeof(T), withGeneratedKey), key => Read(key.Model, key.Type, key.WithKey));

    private static readonly ConcurrentDictionary<(IModel Model, Type Type, bool WithKey), EntityRows> Known = new();

    private static EntityRows Read(IModel model, Type type, bool withGeneratedKey)
    {
        var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var properties = entityType.GetProperties()
            .Where(p => !p.IsShadowProperty() || p.IsPrimaryKey())
            .Where(p => withGeneratedKey || !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .ToList();
        return new EntityRows(entityType.GetTableName()!, properties);
    }

    /// <summary>The entity's values as the CLR holds them; <see cref="Mappings"/> converts them when they are sent.</summary>
    public object?[] Values(object entity) => _getters.Select(g => g.GetClrValue(entity)).ToArray();

    /// <summary>The entity's values as the engine stores them, for writers that bypass the type mappings.</summary>
    public object?[] ProviderValues(object entity)
    {
        var values = new object?[_getters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = _getters[i].GetClrValue(entity);
            values[i] = value is null || _converters[i] is not { } converter ? value : converter.ConvertToProvider(value);
        }
        return values;
    }
}
