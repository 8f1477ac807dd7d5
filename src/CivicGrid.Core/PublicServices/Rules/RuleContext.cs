namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>What a rule is evaluated against: the evaluation date and the ids of the known tags by name.</summary>
public sealed record RuleContext(DateOnly Today, IReadOnlyDictionary<string, int> TagIds);
