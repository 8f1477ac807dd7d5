using CivicGrid.App.Data;

namespace CivicGrid.App.Enterprises.Needs;

/// <summary>A case the loop is asked to open for a need: what happened, where, and the enterprise to contact.</summary>
public sealed record NeedCaseRequest(string Description, double? Latitude, double? Longitude, string Address, string EnterpriseName);

/// <summary>
/// The case loop as the enterprise lists see it: it opens a case for a need and answers with its id. The loop
/// implements it, so the lists do not depend on the loop's module (which reaches the lists through its exports).
/// </summary>
public interface INeedCaseOpener
{
    Task<Outcome<int>> OpenAsync(NeedCaseRequest request, CancellationToken ct);
}
