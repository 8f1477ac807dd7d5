using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Needs;

namespace CivicGrid.App.Cases;

/// <summary>Opens a need's case through the same submission as everyone's: the enterprise-service item, checked, timed and dispatched alike.</summary>
internal sealed class NeedCaseOpener(SubmitCaseHandler submit) : INeedCaseOpener
{
    /// <summary>涉企诉求, on the deliberation list's enterprise-service group.</summary>
    public const string CaseItem = "0901";

    public async Task<Outcome<int>> OpenAsync(NeedCaseRequest request, CancellationToken ct)
    {
        var description = request.Description.Length > 2000 ? request.Description[..2000] : request.Description;
        var submitted = await submit.HandleAsync(new SubmitCase(CaseItem, description, request.Latitude, request.Longitude, request.Address)
        {
            ContactName = request.EnterpriseName.Length > 50 ? request.EnterpriseName[..50] : request.EnterpriseName,
        }, ct);
        return submitted.Kind == OutcomeKind.Ok ? Outcome<int>.Ok(submitted.Value!.Id) : Outcome<int>.Invalid(submitted.Errors);
    }
}
