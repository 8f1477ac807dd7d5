namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>The facts a rule can name.</summary>
public enum FieldKey
{
    Age,
    AgeOn,
    Gender,
    Residence,
    Relation,
    LifeStage,
    MonthsResident,
    Grid,
    Community,
    Street,
    HouseholdSize,
    HouseholdYoungestAge,
    HouseholdOldestAge,
    LivesAlone,
    HasTag,
    HouseholdHasTag,
}
