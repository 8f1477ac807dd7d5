namespace CivicGrid.Core.People;

/// <summary>A label on a resident (人员标签) such as 独居 or 低保; the set is data that admins edit.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<Resident> Residents { get; set; } = [];

    public static readonly IReadOnlyList<(string Name, string Description)> Defaults =
    [
        ("独居", "独自居住"), ("失能", "失能或半失能"), ("残疾", "持残疾证"), ("低保", "最低生活保障对象"),
        ("退役军人", "退役军人"), ("人才", "认定人才"), ("新就业群体", "快递员、外卖骑手、货车司机等"),
        ("双职工", "夫妻双方均在职"), ("空巢", "子女不在身边的老人"), ("重点关注", "需要网格员定期走访"),
    ];
}
