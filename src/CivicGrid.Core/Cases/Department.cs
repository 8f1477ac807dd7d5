namespace CivicGrid.Core.Cases;

/// <summary>A functional department cases are dispatched to (职能部门), such as city management or housing.</summary>
public sealed class Department
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}
