using System.Text.Json;
using System.Text.Json.Serialization;
using CivicGrid.Core.Assessment;

namespace CivicGrid.App.Assessment;

/// <summary>How a scheme version and a unit's lines are stored: JSON with enum names, so a stored row reads the same later.</summary>
internal static class SchemeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(AssessmentScheme scheme) => JsonSerializer.Serialize(scheme, Options);

    public static AssessmentScheme Read(string json) => JsonSerializer.Deserialize<AssessmentScheme>(json, Options)!;

    public static string WriteLines(UnitScore score) => JsonSerializer.Serialize(new StoredLines(score.Lines, score.Adjustments), Options);

    public static StoredLines ReadLines(string json) => JsonSerializer.Deserialize<StoredLines>(json, Options)!;
}

/// <summary>A unit's indicator lines and adjustments as kept with its result.</summary>
public sealed record StoredLines(IReadOnlyList<IndicatorLine> Lines, IReadOnlyList<Adjustment> Adjustments);
