using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Cases.Pages;

/// <summary>
/// What the case page's action form posts; the submit button carries the action. Numbers arrive as the text typed,
/// so one that is not a number is told to the user next to its field instead of being dropped by form binding.
/// </summary>
public sealed class CaseMoveInput
{
    public string? Action { get; set; }
    public string? Note { get; set; }
    public string? PublicNote { get; set; }
    public string? DepartmentCode { get; set; }
    public string? DeliberationDayId { get; set; }
    public string? ExtensionDays { get; set; }
    public string? Rating { get; set; }
    public string? ProcessScore { get; set; }
    public string? ResultScore { get; set; }
    public string? MergeInto { get; set; }
    /// <summary>Photo ids uploaded by the page's script, comma-separated.</summary>
    public string? Attachments { get; set; }

    /// <summary>The request, or null with a Chinese reason per field when a number field holds something else.</summary>
    public CaseActionRequest? ToRequest(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var day = FormValues.Integer(DeliberationDayId, nameof(DeliberationDayId), "议事日", errors);
        var extension = FormValues.Integer(ExtensionDays, nameof(ExtensionDays), "延期工作日数", errors);
        var process = FormValues.Integer(ProcessScore, nameof(ProcessScore), "过程评分", errors);
        var result = FormValues.Integer(ResultScore, nameof(ResultScore), "结果评分", errors);
        var merge = FormValues.Integer(MergeInto, nameof(MergeInto), "合并到的诉求编号", errors);
        return errors.Count > 0 ? null : new(
            Action, Note, (Attachments ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            DepartmentCode, day, extension, Rating, process, result, merge, PublicNote);
    }
}
