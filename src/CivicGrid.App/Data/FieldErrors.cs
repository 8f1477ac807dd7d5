using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CivicGrid.App.Data;

/// <summary>
/// The field errors of one command, gathered as it is checked: each field named once, with its reasons in Chinese.
/// Every use case builds its validation errors with this, and the API turns them into one validation problem.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "Named for what it holds in the domain of a form: the errors of its fields.")]
public sealed class FieldErrors : IReadOnlyDictionary<string, string[]>
{
    private readonly Dictionary<string, string[]> _errors = [];

    /// <summary>Setting a field adds its reasons to any it already has.</summary>
    public string[] this[string field]
    {
        get => _errors[field];
        set => _errors[field] = _errors.TryGetValue(field, out var reasons) ? [.. reasons, .. value] : value;
    }

    public void Add(string field, string reason) => this[field] = [reason];

    public int Count => _errors.Count;
    public IEnumerable<string> Keys => _errors.Keys;
    public IEnumerable<string[]> Values => _errors.Values;
    public bool ContainsKey(string key) => _errors.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string[] value) => _errors.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, string[]>> GetEnumerator() => _errors.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
