namespace CivicGrid.Core.Enterprises;

/// <summary>Why a request is refused (in Chinese), and the field of the request it is about.</summary>
public sealed record FieldRefusal(string Field, string Reason);
