namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>Either the checked rule or the errors that kept the text from becoming one.</summary>
public sealed record RuleParseResult(CheckedRule? Rule, IReadOnlyList<RuleError> Errors)
{
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Rule))]
    public bool Succeeded => Rule is not null;

    public static RuleParseResult Success(CheckedRule rule) => new(rule, []);
    public static RuleParseResult Failure(IReadOnlyList<RuleError> errors) => new(null, errors);
}
