using CivicGrid.App.Data;
using CivicGrid.Core.Assessment;

namespace CivicGrid.App.Assessment;

/// <summary>
/// The demo's assessment: the example scheme of docs/ASSESSMENT.md, published, and a published review of last month, so
/// a new user sees stars. Run by the system after the historic cases.
/// </summary>
public sealed record SeedDemoAssessment;

public sealed class SeedDemoAssessmentHandler(SaveSchemeHandler save, RunReviewHandler run, PublishReviewHandler publish, ReviewComputation computation)
{
    /// <summary>The example scheme (社区五星三色月度考核): green from 80, yellow from 60, red below, as traffic lights.</summary>
    public static readonly AssessmentScheme Example = new(
        "社区五星三色月度考核",
        AssessedLevel.Community,
        [
            new("cases.resolutionRate", 40, 0.6m, 1.0m),
            new("cases.satisfactionRate", 30, 0.8m, 1.0m),
            new("cases.reworkRate", 10, 0.2m, 0m),
            new("visits.coverage", 20, 0.5m, 0.9m),
        ],
        [60, 70, 80, 90],
        [new(RatingColour.Green, 80), new(RatingColour.Yellow, 60), new(RatingColour.Red, 0)]);

    /// <summary>The number of units in the published review.</summary>
    public async Task<int> HandleAsync(SeedDemoAssessment command, CancellationToken ct)
    {
        var saved = await save.HandleAsync(new SaveScheme(null, Example, Publish: true), ct);
        var scheme = saved.Value ?? throw new InvalidOperationException($"Demo scheme refused: {string.Join("；", saved.Errors.SelectMany(e => e.Value))}");
        var review = await run.HandleAsync(new RunReview(scheme.SchemeId, ReviewPeriodKind.Monthly, computation.LastMonth()), ct);
        if (review.Value is not (> 0 and var id) || (await publish.HandleAsync(new PublishReview(id), ct)).Kind != OutcomeKind.Ok)
        {
            throw new InvalidOperationException($"Demo review refused: {string.Join("；", review.Errors.SelectMany(e => e.Value))}");
        }
        return id;
    }
}
