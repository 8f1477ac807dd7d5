using System.Buffers.Binary;
using System.Text;

namespace CivicGrid.Core.Cases;

/// <summary>Walks a PNG's chunks, checking each chunk's CRC, that IHDR comes first and that IEND ends the file.</summary>
internal static class PngFile
{
    private const int SignatureLength = 8;
    private const int MaxSide = 20_000;

    /// <summary>Chunks that can carry a place: EXIF, and text chunks (XMP travels in iTXt).</summary>
    private static readonly HashSet<string> Located = ["eXIf", "tEXt", "zTXt", "iTXt"];

    public static byte[]? Clean(byte[] png, bool keepLocation)
    {
        var output = new List<byte>(png.Length);
        output.AddRange(png.AsSpan(0, SignatureLength));
        var i = SignatureLength;
        var first = true;
        while (i + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(i));
            if (length > png.Length - i - 12)
            {
                return null;
            }
            var type = Encoding.ASCII.GetString(png, i + 4, 4);
            var chunk = png.AsSpan(i, 12 + (int)length);
            if (BinaryPrimitives.ReadUInt32BigEndian(chunk[^4..]) != Crc32.Of(chunk[4..^4]) || (first && !IsHeader(type, chunk)))
            {
                return null;
            }
            first = false;
            if (keepLocation || !Located.Contains(type))
            {
                output.AddRange(chunk);
            }
            i += chunk.Length;
            if (type == "IEND")
            {
                return i == png.Length ? [.. output] : null;
            }
        }
        return null;
    }

    private static bool IsHeader(string type, ReadOnlySpan<byte> chunk)
    {
        if (type != "IHDR" || chunk.Length != 25)
        {
            return false;
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(chunk[8..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(chunk[12..]);
        return width is > 0 and <= MaxSide && height is > 0 and <= MaxSide;
    }
}
