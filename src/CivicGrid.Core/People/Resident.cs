namespace CivicGrid.Core.People;

/// <summary>
/// A person living in the district (居民). The ID number and phone are held only encrypted, with a keyed hash
/// to find them and the masked form to show; birth date and gender are derived from the ID number.
/// </summary>
public sealed class Resident
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required byte[] IdNumberCipher { get; set; }
    public required string IdNumberHash { get; set; }
    public required string IdNumberMasked { get; set; }
    public required string IdLast4 { get; set; }
    public DateOnly BirthDate { get; set; }
    public Gender Gender { get; set; }
    public byte[]? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public ResidenceType ResidenceType { get; set; }
    public DateOnly? MoveInDate { get; set; }
    public int? HouseholdId { get; set; }
    public Household? Household { get; set; }
    public HouseholdRelation Relation { get; set; }
    public required string GridCode { get; set; }
    public List<Tag> Tags { get; set; } = [];
    /// <summary>The day the person moved out or died; rules and target lists count only residents still here.</summary>
    public DateOnly? DepartedOn { get; set; }
    public Departure? Departure { get; set; }

    public bool IsActive => DepartedOn is null;

    public int AgeOn(DateOnly date) => Age.On(BirthDate, date);
    public LifeStage LifeStageOn(DateOnly date) => LifeStages.At(BirthDate, date);
}
