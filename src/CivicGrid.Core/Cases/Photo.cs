namespace CivicGrid.Core.Cases;

/// <summary>Checks an uploaded photo by its bytes, not its name, and removes the EXIF block that carries where it was taken.</summary>
public static class Photo
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The content type the bytes really are, or null when they are not a JPEG, PNG or WebP image.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };

    /// <summary>A JPEG without its APP1 (EXIF/XMP) segments; other formats and malformed files are returned unchanged.</summary>
    public static byte[] StripJpegMetadata(byte[] jpeg)
    {
        if (Detect(jpeg) != "image/jpeg")
        {
            return jpeg;
        }
        var output = new List<byte>(jpeg.Length) { 0xFF, 0xD8 };
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            if (marker == 0xDA)
            {
                break;
            }
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (length < 2 || i + 2 + length > jpeg.Length)
            {
                return jpeg;
            }
            if (marker != 0xE1)
            {
                output.AddRange(jpeg.AsSpan(i, 2 + length));
            }
            i += 2 + length;
        }
        output.AddRange(jpeg.AsSpan(i));
        return [.. output];
    }
}
