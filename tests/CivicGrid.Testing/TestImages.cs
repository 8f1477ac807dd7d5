using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CivicGrid.Core.Cases;

namespace CivicGrid.Testing;

/// <summary>Small well-formed photos built byte by byte, with a place-revealing metadata block when asked.</summary>
public static class TestImages
{
    /// <summary>Text that stands for a GPS position inside each format's metadata block.</summary>
    public const string Location = "GPSLatitude=30.3197;GPSLongitude=120.1506";

    public static byte[] Jpeg(bool withExif = true)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (withExif)
        {
            Segment(jpeg, 0xE1, [.. "Exif\0\0"u8, .. Encoding.ASCII.GetBytes(Location)]);
        }
        Segment(jpeg, 0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        Segment(jpeg, 0xDA, [1, 1, 0, 0, 63, 0]);
        jpeg.Write([0x12, 0x34, 0x56, 0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>
    /// A JPEG as a phone writes it: EXIF in a little-endian TIFF whose first IFD holds the orientation and, after it, the
    /// location text.
    /// </summary>
    public static byte[] PhoneJpeg(int orientation)
    {
        using var tiff = new MemoryStream();
        tiff.Write([.. "II"u8, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0]);
        tiff.Write(Encoding.ASCII.GetBytes(Location));
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE1, [.. "Exif\0\0"u8, .. tiff.ToArray()]);
        Segment(jpeg, 0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        Segment(jpeg, 0xDA, [1, 1, 0, 0, 63, 0]);
        jpeg.Write([0x12, 0x34, 0x56, 0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    public static byte[] Png(bool withExif = true)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        if (withExif)
        {
            Chunk(png, "eXIf", Encoding.ASCII.GetBytes(Location));
            Chunk(png, "tEXt", [.. "Comment\0"u8, .. Encoding.ASCII.GetBytes(Location)]);
        }
        Chunk(png, "IDAT", Deflate([0, 200, 60, 60]));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Webp(bool withExif = true)
    {
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        RiffChunk(body, "VP8X", [(byte)(withExif ? 0x08 : 0), 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        RiffChunk(body, "VP8L", [0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0]);
        if (withExif)
        {
            RiffChunk(body, "EXIF", Encoding.ASCII.GetBytes(Location));
        }
        var riff = new byte[8 + body.Length];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), (uint)body.Length);
        body.ToArray().CopyTo(riff, 8);
        return riff;
    }

    /// <summary>The bytes as the browser's photo upload sends them: one multipart field named file.</summary>
    public static MultipartFormDataContent AsUpload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "file", "photo.jpg" } };
    }

    public static bool ContainsLocation(byte[] bytes) => Encoding.ASCII.GetString(bytes).Contains(Location, StringComparison.Ordinal);

    private static void Segment(Stream jpeg, byte marker, byte[] data)
    {
        jpeg.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2)]);
        jpeg.Write(data);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Of(chunk.AsSpan(4, 4 + data.Length)));
        png.Write(chunk);
    }

    private static void RiffChunk(Stream webp, string type, byte[] data)
    {
        webp.Write(Encoding.ASCII.GetBytes(type));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        webp.Write(size);
        webp.Write(data);
        if (data.Length % 2 == 1)
        {
            webp.WriteByte(0);
        }
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(raw);
        }
        return output.ToArray();
    }
}
