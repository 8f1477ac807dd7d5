using System.Security.Cryptography;
using System.Text;
using CivicGrid.App.Security;
using CivicGrid.Core.Audit;

namespace CivicGrid.App.Audit;

/// <summary>
/// The audit chain's seal key, derived (HKDF-SHA256) from the lookup-hash key: every installation has one without another
/// setting, it lives where the other keys live (configuration or the generated key file), never in the database, and it
/// does not change, since the lookup-hash key cannot change without re-hashing every ID number.
/// </summary>
public static class AuditSealKey
{
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("CivicGrid audit chain seal");

    public static AuditSeal From(PersonalDataOptions options) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, PersonalDataProtector.DecodeKey(options.HashKey, nameof(options.HashKey)), AuditSeal.KeySize, info: Purpose));
}
