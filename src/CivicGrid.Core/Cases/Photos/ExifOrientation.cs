using System.Buffers.Binary;

namespace CivicGrid.Core.Cases;

/// <summary>
/// The one EXIF field kept when the rest is removed: which way up the camera was held (Orientation, tag 0x0112). Phones
/// store portrait photos sideways and say so here; without it a stripped photo shows on its side.
/// </summary>
public static class ExifOrientation
{
    private const ushort Tag = 0x0112;
    private const ushort ShortType = 3;

    /// <summary>The orientation (1–8) in an APP1 segment's payload (the bytes after its length), or null when there is none.</summary>
    public static int? Read(ReadOnlySpan<byte> payload)
    {
        if (!payload.StartsWith("Exif\0\0"u8) || payload.Length < 14)
        {
            return null;
        }
        var tiff = payload[6..];
        var little = tiff.StartsWith("II"u8);
        if ((!little && !tiff.StartsWith("MM"u8)) || U16(tiff, 2, little) != 42)
        {
            return null;
        }
        var ifd = U32(tiff, 4, little);
        if (ifd > tiff.Length - 2)
        {
            return null;
        }
        var start = (int)ifd;
        for (var entry = 0; entry < U16(tiff, start, little); entry++)
        {
            var at = start + 2 + 12 * entry;
            if (at + 12 > tiff.Length)
            {
                return null;
            }
            if (U16(tiff, at, little) == Tag && U16(tiff, at + 2, little) == ShortType && U32(tiff, at + 4, little) == 1)
            {
                return U16(tiff, at + 8, little) is var value and >= 1 and <= 8 ? value : null;
            }
        }
        return null;
    }

    /// <summary>A whole APP1 segment (marker included) holding nothing but the orientation.</summary>
    public static byte[] Segment(int orientation)
    {
        byte[] segment =
        [
            0xFF, 0xE1, 0, 34, .. "Exif\0\0"u8,
            .. "MM"u8, 0, 42, 0, 0, 0, 8,                           // big-endian TIFF header, IFD0 at offset 8
            0, 1,                                                   // one entry
            0x01, 0x12, 0, (byte)ShortType, 0, 0, 0, 1, 0, (byte)orientation, 0, 0,
            0, 0, 0, 0,                                             // no next IFD
        ];
        return segment;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static uint U32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
}
