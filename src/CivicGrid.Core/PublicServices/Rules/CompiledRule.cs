namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>Whether a resident meets a compiled rule.</summary>
public delegate bool ResidentPredicate(in ResidentFacts f);

/// <summary>A rule compiled for one evaluation date: <see cref="Matches"/> reads facts only, no dates, no allocation.</summary>
public sealed record CompiledRule(CheckedRule Rule, DateOnly Today, ResidentPredicate Matches);
