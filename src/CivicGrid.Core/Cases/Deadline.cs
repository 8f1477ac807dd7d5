namespace CivicGrid.Core.Cases;

public enum DeadlineUnit
{
    WorkingHours,
    WorkingDays,
}

/// <summary>A time limit counted on the working-day calendar, such as "2 working hours" or "5 working days".</summary>
public readonly record struct Deadline(int Amount, DeadlineUnit Unit)
{
    public static Deadline Hours(int amount) => new(amount, DeadlineUnit.WorkingHours);
    public static Deadline Days(int amount) => new(amount, DeadlineUnit.WorkingDays);

    public override string ToString() => $"{Amount}{(Unit == DeadlineUnit.WorkingHours ? "个工作小时" : "个工作日")}";
}
