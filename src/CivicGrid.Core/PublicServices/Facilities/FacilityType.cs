namespace CivicGrid.Core.PublicServices.Facilities;

/// <summary>A kind of service position (阵地类型) such as an elderly station; the set is data that admins edit.</summary>
public sealed class FacilityType
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Whether facilities of this type have places or beds to allocate.</summary>
    public bool HasPlaces { get; set; }
    public int SortOrder { get; set; }

    /// <summary>
    /// The reports' kinds, with the district's counts where the reports give them (others are estimates) and a typical
    /// floor area in m², chosen so the sports fields total the reports' 59,000 m² and the district as a whole comes to
    /// about the reports' 66.3 m² of service space per 100 households.
    /// </summary>
    public static readonly IReadOnlyList<(FacilityType Type, int DistrictCount, int FloorArea)> Seed =
    [
        (new() { Code = "elderly", Name = "阳光老人家", HasPlaces = true, SortOrder = 1 }, 162, 300),
        (new() { Code = "children", Name = "阳光小伢儿驿站", SortOrder = 2 }, 53, 200),
        (new() { Code = "canteen", Name = "社区食堂", SortOrder = 3 }, 113, 250),
        (new() { Code = "health", Name = "社区卫生服务站", SortOrder = 4 }, 111, 250),
        (new() { Code = "childcare", Name = "托育机构", HasPlaces = true, SortOrder = 5 }, 60, 520),
        (new() { Code = "centre", Name = "党群服务中心", SortOrder = 6 }, 315, 350),
        (new() { Code = "courier", Name = "小哥驿站", SortOrder = 7 }, 45, 80),
        (new() { Code = "talent", Name = "人才会客厅", SortOrder = 8 }, 18, 300),
        (new() { Code = "sports", Name = "嵌入式体育场", SortOrder = 9 }, 421, 140),
    ];
}
