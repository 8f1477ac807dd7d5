namespace CivicGrid.Core.Cases;

/// <summary>A functional department cases are dispatched to (职能部门), such as city management or housing.</summary>
public sealed class Department
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>When the department was retired (撤销): it receives no new dispatch; null while it is in service.</summary>
    public DateTime? RetiredAt { get; set; }
}
