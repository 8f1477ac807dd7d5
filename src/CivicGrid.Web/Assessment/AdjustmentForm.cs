using System.Globalization;
using CivicGrid.App.Assessment;
using CivicGrid.App.Data;
using CivicGrid.Core.Assessment;

namespace CivicGrid.Web.Assessment;

/// <summary>The adjustment form's text as typed, turned into the command or into refusals named by field.</summary>
public sealed class AdjustmentForm
{
    public string? UnitCode { get; set; }
    public string? Month { get; set; }
    public string? Points { get; set; }
    public string? Reason { get; set; }
    public string? Evidence { get; set; }

    public (RecordAdjustment? Command, FieldErrors Errors) ToCommand(int schemeId)
    {
        var errors = new FieldErrors();
        if (!DateOnly.TryParseExact((Month ?? "").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            errors.Add("periodStart", "请选择计入月份");
        }
        if (!decimal.TryParse((Points ?? "").Trim().Replace('＋', '+').Replace('－', '-'), NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
        {
            errors.Add("points", "分值应为数字，减分写负数，例如 -2");
            // The reason is checked by the same rule the use case applies, so one post shows every refusal.
            foreach (var reason in SchemeCheck.AdjustmentRefusals(new Adjustment("", 1, Reason ?? "")))
            {
                errors.Add("reason", reason);
            }
        }
        return errors.Count > 0 ? (null, errors) : (new RecordAdjustment(schemeId, month, UnitCode, points, Reason, Evidence), errors);
    }
}
