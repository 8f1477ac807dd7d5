namespace CivicGrid.Core.People;

/// <summary>Gender as the ID number records it (性别).</summary>
public enum Gender
{
    Female = 0,
    Male = 1,
}
