using CivicGrid.App.Cases;
using CivicGrid.Core.Cases;

namespace CivicGrid.Web.Cases.Pages;

/// <summary>What the case page's action form posts; the submit button carries the action.</summary>
public sealed class CaseMoveInput
{
    public string? Action { get; set; }
    public string? Note { get; set; }
    public string? DepartmentCode { get; set; }
    public int? DeliberationDayId { get; set; }
    public int? ExtensionDays { get; set; }
    public string? Rating { get; set; }
    public int? ProcessScore { get; set; }
    public int? ResultScore { get; set; }
    public int? MergeInto { get; set; }
    /// <summary>Photo ids uploaded by the page's script, comma-separated.</summary>
    public string? Attachments { get; set; }

    public ActOnCase ToCommand(int caseId)
    {
        var action = Enum.TryParse<CaseAction>(Action, out var a) && Enum.IsDefined(a) ? a : CaseAction.Receive;
        return new ActOnCase(caseId, action, Note)
        {
            DepartmentCode = DepartmentCode,
            DeliberationDayId = DeliberationDayId,
            ExtensionDays = ExtensionDays,
            Rating = Enum.TryParse<CaseRating>(Rating, out var r) && Enum.IsDefined(r) ? r : null,
            ProcessScore = ProcessScore,
            ResultScore = ResultScore,
            MergeInto = MergeInto,
            Attachments = (Attachments ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }
}
