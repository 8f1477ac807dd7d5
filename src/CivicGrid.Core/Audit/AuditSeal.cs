using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Core.Audit;

/// <summary>How an entry's hash was made.</summary>
public enum AuditSealKind
{
    /// <summary>SHA-256 of the entry: entries linked before the chain was keyed. Anyone who can write the table can recompute it.</summary>
    Plain = 0,
    /// <summary>HMAC-SHA256 under the installation's seal key, which the database does not hold.</summary>
    Keyed = 1,
}

/// <summary>
/// Seals audit entries onto the chain (审计链封印) with a key kept outside the database, so someone able to change the
/// table cannot rewrite a record and recompute the hashes after it.
/// </summary>
public sealed class AuditSeal
{
    public const int KeySize = 32;
    private readonly byte[] _key;

    public AuditSeal(byte[] key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An audit seal key has {KeySize} bytes.", nameof(key));
        }
        _key = key;
    }

    /// <summary>The hash the entry should carry for the way it says it was sealed.</summary>
    public string HashOf(AuditEntry entry)
    {
        var text = Encoding.UTF8.GetBytes(entry.CanonicalText());
        return Convert.ToHexStringLower(entry.Seal == AuditSealKind.Keyed ? HMACSHA256.HashData(_key, text) : SHA256.HashData(text));
    }
}
