namespace CivicGrid.Core.Cases;

/// <summary>
/// Walks a JPEG's segments up to the image data and checks the image ends where JPEG says it must. Removed EXIF leaves its
/// orientation behind in a segment of its own.
/// </summary>
internal static class JpegFile
{
    private const byte StartOfScan = 0xDA;
    private const byte App1 = 0xE1;   // EXIF (with its GPS block) and XMP
    private const byte App13 = 0xED;  // Photoshop/IPTC, which can hold a place too

    public static byte[]? Clean(byte[] jpeg, bool keepLocation)
    {
        var output = new List<byte>(jpeg.Length) { 0xFF, 0xD8 };
        var i = 2;
        var sawFrame = false;
        var orientationKept = keepLocation;
        while (true)
        {
            if (i + 4 > jpeg.Length || jpeg[i] != 0xFF)
            {
                return null;
            }
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (length < 2 || i + 2 + length > jpeg.Length)
            {
                return null;
            }
            sawFrame |= marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (marker == StartOfScan)
            {
                break;
            }
            if (keepLocation || marker is not (App1 or App13))
            {
                output.AddRange(jpeg.AsSpan(i, 2 + length));
            }
            else if (!orientationKept && marker == App1 && ExifOrientation.Read(jpeg.AsSpan(i + 4, length - 2)) is { } orientation and not 1)
            {
                output.AddRange(ExifOrientation.Segment(orientation));
                orientationKept = true;
            }
            i += 2 + length;
        }
        if (!sawFrame || !EndsWithEndOfImage(jpeg, i))
        {
            return null;
        }
        output.AddRange(jpeg.AsSpan(i));
        return [.. output];
    }

    /// <summary>An end-of-image marker after the scan; cameras may append data behind it, which is kept.</summary>
    private static bool EndsWithEndOfImage(byte[] jpeg, int scanStart) =>
        jpeg.AsSpan(scanStart).IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
}
