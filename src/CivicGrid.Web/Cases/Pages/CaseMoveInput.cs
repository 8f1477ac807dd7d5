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

    public CaseActionRequest ToRequest() => new(
        Action, Note, (Attachments ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        DepartmentCode, DeliberationDayId, ExtensionDays, Rating, ProcessScore, ResultScore, MergeInto);
}
