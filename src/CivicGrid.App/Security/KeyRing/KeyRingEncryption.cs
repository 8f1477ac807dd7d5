using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Security.KeyRing;

/// <summary>
/// Encrypts each key of the ring with the personal data key from configuration, so the database alone reveals no key
/// and a key rotation keeps the ring readable through the retired keys.
/// </summary>
public sealed class KeyRingEncryptor(PersonalDataProtector protector) : IXmlEncryptor
{
    internal const string ElementName = "encryptedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(ElementName, Convert.ToBase64String(protector.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting)))),
            typeof(KeyRingDecryptor));
}

/// <summary>Reads a key <see cref="KeyRingEncryptor"/> wrote; the framework creates it by type, with the services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<PersonalDataProtector>().Decrypt(Convert.FromBase64String(encryptedElement.Value)));
}
