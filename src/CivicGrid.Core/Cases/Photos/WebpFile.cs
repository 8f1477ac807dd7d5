using System.Buffers.Binary;
using System.Text;

namespace CivicGrid.Core.Cases;

/// <summary>Walks a WebP's RIFF chunks, checking their sizes add up to the file and an image chunk is there.</summary>
internal static class WebpFile
{
    private const int HeaderLength = 12;
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    public static byte[]? Clean(byte[] webp, bool keepLocation)
    {
        if (BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(4)) != webp.Length - 8)
        {
            return null;
        }
        var output = new List<byte>(webp.Length);
        output.AddRange(webp.AsSpan(0, HeaderLength));
        var i = HeaderLength;
        var image = false;
        while (i < webp.Length)
        {
            if (i + 8 > webp.Length)
            {
                return null;
            }
            var type = Encoding.ASCII.GetString(webp, i, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(i + 4));
            var padded = size + (size & 1);
            if (padded > webp.Length - i - 8)
            {
                return null;
            }
            var chunk = webp.AsSpan(i, 8 + (int)padded).ToArray();
            image |= type is "VP8 " or "VP8L" or "ANMF";
            if (type == "VP8X" && !keepLocation && chunk.Length > 8)
            {
                chunk[8] &= unchecked((byte)~(ExifFlag | XmpFlag));
            }
            if (keepLocation || type is not ("EXIF" or "XMP "))
            {
                output.AddRange(chunk);
            }
            i += chunk.Length;
        }
        if (!image)
        {
            return null;
        }
        byte[] cleaned = [.. output];
        BinaryPrimitives.WriteUInt32LittleEndian(cleaned.AsSpan(4), (uint)(cleaned.Length - 8));
        return cleaned;
    }
}
