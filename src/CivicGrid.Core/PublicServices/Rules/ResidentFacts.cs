using CivicGrid.Core.People;

namespace CivicGrid.Core.PublicServices.Rules;

/// <summary>One resident's facts as rules read them, flattened so that a compiled rule reads fields and nothing else.</summary>
/// <param name="BirthDay"><see cref="DateOnly.DayNumber"/> of the birth date.</param>
/// <param name="SettledDay">Day number of the move-in date, or of the birth date when there is none.</param>
/// <param name="Tags">Bit (tag id − 1) set for each tag the resident carries; tag ids 1..64.</param>
/// <param name="HouseholdTags">The tags of all active members of the household, or the resident's own when there is no household.</param>
/// <param name="HouseholdSize">Active members of the household; 1 when there is no household.</param>
/// <param name="YoungestBirthDay">Latest birth day among active members (the resident's own without a household).</param>
/// <param name="OldestBirthDay">Earliest birth day among active members (the resident's own without a household).</param>
public readonly record struct ResidentFacts(
    int ResidentId, int BirthDay, Gender Gender, ResidenceType Residence,
    HouseholdRelation Relation, int SettledDay, string GridCode,
    ulong Tags, ulong HouseholdTags,
    int HouseholdSize, int YoungestBirthDay, int OldestBirthDay);
