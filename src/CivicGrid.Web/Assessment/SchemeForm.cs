using System.Globalization;
using CivicGrid.App.Data;
using CivicGrid.Core.Assessment;

namespace CivicGrid.Web.Assessment;

/// <summary>The scheme editor's form: text as typed, turned into a scheme or into refusals named by field.</summary>
public sealed class SchemeForm
{
    public const int LineCount = 6;

    public string? Name { get; set; }
    public string? Level { get; set; }
    public List<LineInput> Lines { get; set; } = [.. Enumerable.Range(0, LineCount).Select(_ => new LineInput())];
    public string?[] Stars { get; set; } = new string?[4];
    public string? Green { get; set; }
    public string? Yellow { get; set; }
    public string? Red { get; set; }
    public string? Honour { get; set; }
    public string? Black { get; set; }
    public string? Action { get; set; }

    public sealed class LineInput
    {
        public string? Key { get; set; }
        public string? Weight { get; set; }
        public string? Floor { get; set; }
        public string? Target { get; set; }
    }

    /// <summary>A post may carry fewer lines than the form shows: the rest are blank.</summary>
    public SchemeForm Padded()
    {
        while (Lines.Count < LineCount)
        {
            Lines.Add(new LineInput());
        }
        return this;
    }

    public static SchemeForm Of(AssessmentScheme s)
    {
        var form = new SchemeForm
        {
            Name = s.Name, Level = s.Level.ToString(), Stars = [.. s.StarMinimums.Select(m => (string?)N(m))],
            Green = N(s.Colours.FirstOrDefault(c => c.Colour == RatingColour.Green)?.MinScore), Yellow = N(s.Colours.FirstOrDefault(c => c.Colour == RatingColour.Yellow)?.MinScore),
            Red = N(s.Colours.FirstOrDefault(c => c.Colour == RatingColour.Red)?.MinScore), Honour = N(s.HonourListSize), Black = N(s.BlackListSize),
        };
        for (var i = 0; i < s.Items.Count && i < LineCount; i++)
        {
            form.Lines[i] = new LineInput { Key = s.Items[i].IndicatorKey, Weight = N(s.Items[i].Weight), Floor = N(s.Items[i].Floor), Target = N(s.Items[i].Target) };
        }
        return form;
    }

    public static SchemeForm Blank() => new()
    {
        Level = nameof(AssessedLevel.Community), Stars = ["60", "70", "80", "90"], Green = "80", Yellow = "60", Red = "0", Honour = "3", Black = "3",
    };

    /// <summary>The scheme typed, or the fields that are not numbers. Lines without an indicator are left out.</summary>
    public (AssessmentScheme? Scheme, FieldErrors Errors) ToScheme()
    {
        var errors = new FieldErrors();
        decimal Dec(string? text, string field, string label)
        {
            if (decimal.TryParse(text?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors.Add(field, $"{label}应填写数字");
            return 0;
        }
        var items = new List<SchemeItem>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (!string.IsNullOrWhiteSpace(line.Key))
            {
                var label = $"第{items.Count + 1}项指标";
                items.Add(new SchemeItem(line.Key.Trim(), Dec(line.Weight, $"items[{items.Count}]", $"{label}的权重"),
                    Dec(line.Floor, $"items[{items.Count}]", $"{label}的零分值"), Dec(line.Target, $"items[{items.Count}]", $"{label}的满分值")));
            }
        }
        var stars = Stars.Select((s, i) => Dec(s, "stars", $"{i + 2}星分数线")).ToList();
        ColourBand[] colours = [new(RatingColour.Green, Dec(Green, "colours", "绿色分数线")), new(RatingColour.Yellow, Dec(Yellow, "colours", "黄色分数线")),
            new(RatingColour.Red, Dec(Red, "colours", "红色分数线"))];
        var honour = (int)Dec(Honour, "lists", "红榜名额");
        var black = (int)Dec(Black, "lists", "黑榜名额");
        var level = Enum.TryParse<AssessedLevel>(Level, out var l) && Enum.IsDefined(l) ? l : (AssessedLevel)(-1);
        return errors.Count > 0 ? (null, errors) : (new AssessmentScheme(Name ?? "", level, items, stars, colours, honour, black), errors);
    }

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
    private static string? N(decimal? value) => value is { } v ? N(v) : null;
    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
