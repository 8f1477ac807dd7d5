namespace CivicGrid.App.Security.KeyRing;

/// <summary>
/// One key of the key ring that signs sign-in cookies and antiforgery tokens, kept in the database so that every
/// app node reads the same ring, and stored encrypted: <see cref="Xml"/> holds no key in the clear.
/// </summary>
public sealed class ProtectionKey
{
    public int Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
