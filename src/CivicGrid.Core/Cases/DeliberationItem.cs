namespace CivicGrid.Core.Cases;

/// <summary>
/// One item of the deliberation list (网格议事清单): what residents may raise, who handles it by default, how long each
/// step may take, and whether it may go before a deliberation day. Its code is the Open311 service code.
/// </summary>
public sealed class DeliberationItem
{
    public required string Code { get; set; }
    public required string Category { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public DefaultHandling DefaultHandling { get; set; }
    /// <summary>The department a case goes to when <see cref="DefaultHandling"/> is a department.</summary>
    public string? DepartmentCode { get; set; }
    public Deadline ResponseDeadline { get; set; } = Deadline.Hours(2);
    public Deadline ResolveDeadline { get; set; } = Deadline.Days(5);
    public bool MayDeliberate { get; set; }
    /// <summary>
    /// Whether its open cases may be listed publicly (Open311 GET, nearby cases). Off for items about a person's own
    /// hardship or disability, which only the people handling them see.
    /// </summary>
    public bool Public { get; set; } = true;
    public bool Active { get; set; } = true;
    /// <summary>Extra questions a case of this item answers (Open311 service attributes).</summary>
    public List<ItemQuestion> Attributes { get; set; } = [];

    /// <summary>The tier that first owns a new case; department items start with the community, which dispatches them.</summary>
    public HandlingLevel FirstLevel => DefaultHandling switch
    {
        DefaultHandling.Grid => HandlingLevel.Grid,
        DefaultHandling.Street => HandlingLevel.Street,
        _ => HandlingLevel.Community,
    };
}

/// <summary>Who settles an item by default (默认处置层级).</summary>
public enum DefaultHandling
{
    Grid,
    Community,
    Street,
    Department,
}

public enum AttributeType
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}

/// <summary>A question a case of an item answers, such as when the noise happens.</summary>
public sealed record ItemQuestion(string Code, string Description, AttributeType Type, bool Required, IReadOnlyList<AttributeValue> Values)
{
    /// <summary>Why <paramref name="value"/> is not an acceptable answer, or null when it is.</summary>
    public string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Required ? $"请填写“{Description}”" : null;
        }
        return Type switch
        {
            AttributeType.Number when !decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _) => $"“{Description}”应为数字",
            AttributeType.Datetime when !DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _) => $"“{Description}”应为日期时间",
            AttributeType.SingleValueList when Values.All(v => v.Key != value) => $"“{Description}”的取值无效",
            AttributeType.MultiValueList when value.Split(',').Any(part => Values.All(v => v.Key != part.Trim())) => $"“{Description}”的取值无效",
            _ when value.Length > 500 => $"“{Description}”不能超过 500 字",
            _ => null,
        };
    }
}

public sealed record AttributeValue(string Key, string Name);
