using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.Security;

/// <summary>
/// Encrypts personal data (ID numbers, phones) with AES-256-GCM and derives keyed lookup hashes, so the
/// database holds no readable personal data and still finds a person by ID number or phone.
/// Cipher layout: key id (1) | nonce (12) | tag (16) | cipher text.
/// </summary>
public sealed class PersonalDataProtector : IDisposable
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly byte[] _hashKey;
    private readonly byte _keyId;
    // An AesGcm instance expands its key once; one per thread, since instances are not meant to be shared.
    private readonly ThreadLocal<AesGcm> _aes;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var o = options.Value;
        _key = DecodeKey(o.EncryptionKey, nameof(o.EncryptionKey));
        _hashKey = DecodeKey(o.HashKey, nameof(o.HashKey));
        _keyId = o.KeyId;
        _aes = new ThreadLocal<AesGcm>(() => new AesGcm(_key, TagSize), trackAllValues: true);
    }

    public byte[] Encrypt(string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var output = new byte[1 + NonceSize + TagSize + plainBytes.Length];
        output[0] = _keyId;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Value!.Encrypt(nonce, plainBytes, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), [_keyId]);
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        if (cipher.Length < 1 + NonceSize + TagSize || cipher[0] != _keyId)
        {
            throw new CryptographicException("The data was encrypted with another key than the one configured.");
        }
        var plain = new byte[cipher.Length - 1 - NonceSize - TagSize];
        _aes.Value!.Decrypt(cipher.AsSpan(1, NonceSize), cipher.AsSpan(1 + NonceSize + TagSize), cipher.AsSpan(1 + NonceSize, TagSize), plain, [cipher[0]]);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A keyed hash that finds a value without storing it: the same value always gives the same hash.</summary>
    public string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(value)));

    public void Dispose()
    {
        foreach (var aes in _aes.Values)
        {
            aes.Dispose();
        }
        _aes.Dispose();
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static byte[] DecodeKey(string? base64, string name)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new InvalidOperationException($"PersonalData:{name} is not configured: set a base64 32-byte key.");
        }
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"PersonalData:{name} must be 32 bytes, not {key.Length}.");
    }
}
