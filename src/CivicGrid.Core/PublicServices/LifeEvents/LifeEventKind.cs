namespace CivicGrid.Core.PublicServices.LifeEvents;

/// <summary>An event in a person's life that changes what they are entitled to (生命周期事件).</summary>
public enum LifeEventKind
{
    Birth = 1,
    MoveIn = 2,
    SchoolEntry = 3,
    Turned60 = 4,
    Turned80 = 5,
    Retirement = 6,
    Disability = 7,
    Death = 8,
    MoveOut = 9,
}

/// <summary>A set of life event kinds, stored as bits.</summary>
[Flags]
public enum LifeEventKinds
{
    None = 0,
    Birth = 1 << LifeEventKind.Birth,
    MoveIn = 1 << LifeEventKind.MoveIn,
    SchoolEntry = 1 << LifeEventKind.SchoolEntry,
    Turned60 = 1 << LifeEventKind.Turned60,
    Turned80 = 1 << LifeEventKind.Turned80,
    Retirement = 1 << LifeEventKind.Retirement,
    Disability = 1 << LifeEventKind.Disability,
    Death = 1 << LifeEventKind.Death,
    MoveOut = 1 << LifeEventKind.MoveOut,
}

public static class LifeEventKindNames
{
    public static readonly IReadOnlyList<LifeEventKind> All = Enum.GetValues<LifeEventKind>();

    public static string ChineseName(this LifeEventKind kind) => kind switch
    {
        LifeEventKind.Birth => "出生",
        LifeEventKind.MoveIn => "迁入",
        LifeEventKind.SchoolEntry => "入学",
        LifeEventKind.Turned60 => "年满60周岁",
        LifeEventKind.Turned80 => "年满80周岁",
        LifeEventKind.Retirement => "退休",
        LifeEventKind.Disability => "残疾",
        LifeEventKind.Death => "死亡",
        _ => "迁出",
    };

    public static LifeEventKinds AsSet(this LifeEventKind kind) => (LifeEventKinds)(1 << (int)kind);

    public static bool Includes(this LifeEventKinds set, LifeEventKind kind) => (set & kind.AsSet()) != 0;

    /// <summary>Death and moving out end the person's presence: their services end and places are released.</summary>
    public static bool Departs(this LifeEventKind kind) => kind is LifeEventKind.Death or LifeEventKind.MoveOut;
}
