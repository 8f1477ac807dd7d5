namespace CivicGrid.Testing;

/// <summary>Fixed keys for tests, so encrypted values and hashes are reproducible across a run.</summary>
public static class TestKeys
{
    public const string Encryption = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public const string Hash = "HxwdHhscGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
}
