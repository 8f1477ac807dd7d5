namespace CivicGrid.App.Data;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Forbidden,
}

/// <summary>What a command came to: a value, or why not. Errors map field names to reasons in Chinese.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly Dictionary<string, string[]> None = [];

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, None);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, None);
    public static Outcome<T> Forbidden(string reason) => new(OutcomeKind.Forbidden, default, new FieldErrors { [""] = [reason] });
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, errors);
    public static Outcome<T> Invalid(string field, string reason) => Invalid(new FieldErrors { [field] = [reason] });
}
