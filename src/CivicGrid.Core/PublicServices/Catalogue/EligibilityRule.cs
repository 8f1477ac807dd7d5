namespace CivicGrid.Core.PublicServices.Catalogue;

/// <summary>One version of a service's eligibility rule (资格规则), kept forever so past decisions can be explained.</summary>
public sealed class EligibilityRule
{
    public int Id { get; set; }
    public int ServiceItemId { get; set; }
    public int Version { get; set; }
    /// <summary>The rule in the rule language, canonical form.</summary>
    public required string Text { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
}
