using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Cases.Pages;

/// <summary>
/// The deliberation list page's item form, for a new item (no <see cref="Existing"/>) or an edit. Numbers and the
/// handling arrive as text and are read with <see cref="FormValues"/>, so a bad one is told next to its field.
/// </summary>
public sealed class DeliberationItemInput
{
    /// <summary>The code of the item being edited; empty when adding.</summary>
    public string? Existing { get; set; }
    public string? Code { get; set; }
    public string? Category { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? DefaultHandling { get; set; }
    public string? DepartmentCode { get; set; }
    public string? ResponseHours { get; set; }
    public string? ResolveDays { get; set; }
    public bool MayDeliberate { get; set; }
    /// <summary>Checkboxes post nothing when unticked, so every flag starts false and a blank form sets its own defaults.</summary>
    public bool Public { get; set; }
    public bool Active { get; set; }

    /// <summary>The empty form for a new item: handled by the grid, public, two hours to answer and five days to settle.</summary>
    public static DeliberationItemInput Blank() => new() { DefaultHandling = nameof(Core.Cases.DefaultHandling.Grid), ResponseHours = "2", ResolveDays = "5", Public = true };

    public static DeliberationItemInput From(DeliberationItemRow row) => new()
    {
        Existing = row.Code, Code = row.Code, Category = row.Category, Name = row.Name, Description = row.Description,
        DefaultHandling = row.DefaultHandling, DepartmentCode = row.DepartmentCode,
        ResponseHours = row.ResponseHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ResolveDays = row.ResolveDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        MayDeliberate = row.MayDeliberate, Public = row.Public, Active = row.Active,
    };

    /// <summary>Saves the form through the list's use cases, or returns the fields' problems without saving anything.</summary>
    public async Task<Outcome<string>> SaveAsync(ManageCaseReferenceHandler handler, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var handling = FormValues.Choice<DefaultHandling>(DefaultHandling, nameof(DefaultHandling), "默认处置层级", errors);
        var hours = FormValues.Integer(ResponseHours, nameof(ResponseHours), "响应时限", errors, 1, 72);
        var days = FormValues.Integer(ResolveDays, nameof(ResolveDays), "办结时限", errors, 1, 60);
        if (handling is null && !errors.ContainsKey(nameof(DefaultHandling)))
        {
            errors[nameof(DefaultHandling)] = ["请选择默认处置层级"];
        }
        if (errors.Count > 0)
        {
            return Outcome<string>.Invalid(errors);
        }
        var department = handling == Core.Cases.DefaultHandling.Department ? DepartmentCode : null;
        return string.IsNullOrEmpty(Existing)
            ? await handler.HandleAsync(new AddDeliberationItem(Code, Category, Name, Description, handling!.Value, department, hours, days, MayDeliberate, Public), ct)
            : await handler.HandleAsync(new UpdateDeliberationItem(Existing, handling!.Value, department, hours, days, MayDeliberate, Active)
                { Name = Name ?? "", Category = Category ?? "", Description = Description ?? "" }, ct);
    }
}
