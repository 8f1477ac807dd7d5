using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CivicGrid.App.Security;

/// <summary>
/// Encrypts personal data (ID numbers, phones) with AES-256-GCM and derives keyed lookup hashes, so the
/// database holds no readable personal data and still finds a person by ID number or phone.
/// Cipher layout: key id (1) | nonce (12) | tag (16) | cipher text. New data is encrypted with the current key;
/// data under a retired key stays readable until it is rotated.
/// </summary>
public sealed class PersonalDataProtector : IDisposable
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _hashKey;
    private readonly byte _keyId;
    // An AesGcm instance expands its key once; one per thread, since instances are not meant to be shared.
    private readonly ThreadLocal<AesGcm> _aes;
    private readonly Dictionary<byte, ThreadLocal<AesGcm>> _readers = [];

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var o = options.Value;
        _hashKey = DecodeKey(o.HashKey, nameof(o.HashKey));
        _keyId = o.KeyId;
        _aes = Cipher(DecodeKey(o.EncryptionKey, nameof(o.EncryptionKey)));
        _readers[_keyId] = _aes;
        foreach (var retired in o.PreviousKeys)
        {
            if (!_readers.TryAdd(retired.KeyId, Cipher(DecodeKey(retired.EncryptionKey, $"PreviousKeys[{retired.KeyId}]"))))
            {
                throw new InvalidOperationException($"PersonalData: key id {retired.KeyId} is used twice; every key needs its own id.");
            }
        }
    }

    /// <summary>The id of the key new data is encrypted with.</summary>
    public byte CurrentKeyId => _keyId;

    /// <summary>Whether a cipher was made with the current key, so rotation can leave it alone.</summary>
    public bool IsCurrent(byte[] cipher) => cipher.Length > 0 && cipher[0] == _keyId;

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
        if (cipher.Length < 1 + NonceSize + TagSize || !_readers.TryGetValue(cipher[0], out var reader))
        {
            throw new CryptographicException("The data was encrypted with a key that is not configured, neither current nor retired.");
        }
        var plain = new byte[cipher.Length - 1 - NonceSize - TagSize];
        reader.Value!.Decrypt(cipher.AsSpan(1, NonceSize), cipher.AsSpan(1 + NonceSize + TagSize), cipher.AsSpan(1 + NonceSize, TagSize), plain, [cipher[0]]);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// A key for one purpose (e.g. signing check-in codes), derived from the lookup-hash key with HKDF, so the
    /// installation's key material serves it without a new secret to configure, and no other use shares it.
    /// </summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _hashKey, 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>A keyed hash that finds a value without storing it: the same value always gives the same hash.</summary>
    public string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(value)));

    public void Dispose()
    {
        foreach (var reader in _readers.Values)
        {
            foreach (var aes in reader.Values)
            {
                aes.Dispose();
            }
            reader.Dispose();
        }
    }

    private static ThreadLocal<AesGcm> Cipher(byte[] key) => new(() => new AesGcm(key, TagSize), trackAllValues: true);

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    internal static byte[] DecodeKey(string? base64, string name)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new InvalidOperationException($"PersonalData:{name} is not configured: set a base64 32-byte key.");
        }
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"PersonalData:{name} must be 32 bytes, not {key.Length}.");
    }
}
