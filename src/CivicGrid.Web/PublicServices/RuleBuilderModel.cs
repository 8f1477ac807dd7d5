using System.Globalization;
using System.Text.Json;
using CivicGrid.App.PublicServices.Catalogue;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.PublicServices.Rules;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.PublicServices;

/// <summary>
/// A checked rule as the form builder edits it: an and/or group of conditions and at most one level of nested
/// groups. Rules the form cannot show (deeper nesting, a negated group) return null and are edited as text.
/// </summary>
public static class RuleBuilderModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string? ToJson(CheckedRule rule) => Group(rule.Root, nested: false) is { } model ? JsonSerializer.Serialize(model, Json) : null;

    /// <summary>
    /// The preview with the builder's reading of the text, so the builder follows what staff type instead of
    /// writing its older rule over it; null when the text has errors or is more than the builder can show.
    /// </summary>
    public static BuilderPreview WithBuilder(RulePreview preview, RuleContext context) => new(
        preview.Canonical, preview.Errors, preview.Spans, preview.Total, preview.Areas,
        preview.Canonical is null ? null : Group(RuleBook.Check(preview.Canonical, context).Rule!.Root, nested: false));

    public sealed record BuilderPreview(
        string? Canonical, IReadOnlyList<string> Errors, IReadOnlyList<RuleErrorSpan> Spans, int Total, IReadOnlyList<AreaCount> Areas, object? Builder);

    private sealed record GroupModel(string Join, IReadOnlyList<object> Items);

    private sealed record ConditionModel(string Field, string Op, string Value = "", string? On = null);

    private static GroupModel? Group(RuleNode node, bool nested)
    {
        var (join, items) = node switch
        {
            AllOf all => ("and", all.Items),
            AnyOf any => ("or", any.Items),
            _ => ("and", (IReadOnlyList<RuleNode>)[node]),
        };
        var converted = items.Select(i => i is AllOf or AnyOf ? (nested ? null : Group(i, nested: true)) : Condition(i)).ToList();
        return converted.Any(c => c is null) ? null : new GroupModel(join, converted!);
    }

    private static object? Condition(RuleNode node) => node switch
    {
        NumberCondition n => new ConditionModel(RuleFields.Get(n.Operand.Field).Name, n.Operator.Symbol(),
            string.Join(",", n.Values.Select(v => v.ToString(CultureInfo.InvariantCulture))), n.Operand.On?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ChoiceCondition c => new ConditionModel(RuleFields.Get(c.Field).Name, c.Operator.Symbol(),
            string.Join(",", c.Values.Select(v => RuleFields.Get(c.Field).Choices.First(x => x.Number == v).Name))),
        TerritoryCondition t => new ConditionModel(RuleFields.Get(t.Field).Name, t.Operator.Symbol(), string.Join(",", t.Codes)),
        FlagCondition f => new ConditionModel(RuleFields.Get(f.Field).Name, f.Expected ? "=" : "!="),
        TagCondition t => new ConditionModel(t.Household ? "household.has_tag" : "has_tag", "=", t.Tag),
        NotRule { Operand: TagCondition t } => new ConditionModel(t.Household ? "household.has_tag" : "has_tag", "!=", t.Tag),
        NotRule { Operand: FlagCondition f } => new ConditionModel(RuleFields.Get(f.Field).Name, f.Expected ? "!=" : "="),
        _ => null,
    };

    private static readonly string[] Words =
    [
        "等于", "不等于", "小于", "不大于", "大于", "不小于", "属于", "不属于", "有", "没有", "是", "不是", "{0} 位代码，多个用逗号分隔",
        "删除", "满足全部条件（且）", "满足任一条件（或）", "＋ 条件", "＋ 条件组", "删除条件组", "符合条件的居民：{0} 人",
    ];

    /// <summary>The builder script's words and field names in the page's language, keyed by their Chinese text.</summary>
    public static string Texts(IStringLocalizer localizer) =>
        JsonSerializer.Serialize(Words.Concat(RuleFields.All.Select(f => f.Label)).Concat(RuleFields.All.SelectMany(f => f.Values)).Distinct().ToDictionary(w => w, w => localizer[w].Value), Json);

    /// <summary>The field catalogue for the builder script, with the tags staff may name.</summary>
    public static object Catalogue(IEnumerable<string> tags) => new
    {
        Fields = RuleFields.All.Select(f => new
        {
            f.Name, f.Label, Type = f.Type.ToString(), Operators = f.Operators.Select(o => o.Symbol()).ToList(), f.Values, f.CodeLength,
        }),
        Tags = tags.Order(StringComparer.Ordinal).ToList(),
    };
}
