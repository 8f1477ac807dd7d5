using CivicGrid.Core.PublicServices.Rules;
using RulesEngine.Models;

namespace CivicGrid.Bench;

/// <summary>Microsoft RulesEngine with the thirty rules as lambda expressions over the same facts, one workflow.</summary>
internal sealed class RulesEngineAnchor
{
    private const string Workflow = "eligibility";
    private readonly global::RulesEngine.RulesEngine _engine;
    private readonly int _rules;

    public RulesEngineAnchor(IReadOnlyList<string> expressions)
    {
        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules = expressions.Select((e, i) => new Rule { RuleName = $"r{i:D2}", Expression = e, RuleExpressionType = RuleExpressionType.LambdaExpression }).ToList(),
        };
        _engine = new global::RulesEngine.RulesEngine([workflow], new ReSettings());
        _rules = expressions.Count;
    }

    /// <summary>Bit i set when rule i holds; throws when a rule failed to compile or run, so a broken anchor never looks fast.</summary>
    public ulong Evaluate(ResidentFacts facts)
    {
        var pending = _engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("f", facts));
        var results = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        ulong matched = 0;
        for (var i = 0; i < _rules; i++)
        {
            if (!string.IsNullOrEmpty(results[i].ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine {results[i].Rule.RuleName}: {results[i].ExceptionMessage}");
            }
            matched |= results[i].IsSuccess ? 1UL << i : 0;
        }
        return matched;
    }
}
