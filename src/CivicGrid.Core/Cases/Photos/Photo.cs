namespace CivicGrid.Core.Cases;

/// <summary>A photo accepted for a case (案件照片): its real type and the bytes to keep.</summary>
public sealed record CleanPhoto(string ContentType, byte[] Bytes);

/// <summary>
/// Checks an uploaded photo by its structure, not its name or first bytes alone, and removes the metadata that can say
/// where it was taken (EXIF, XMP, text chunks) unless the uploader chose to keep it.
/// </summary>
public static class Photo
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public const string NotAnImage = "只能上传 JPEG、PNG 或 WebP 图片";
    public const string Damaged = "图片文件已损坏或不完整";

    /// <summary>The content type the first bytes claim, or null when they are not a JPEG, PNG or WebP image.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };

    /// <summary>The photo to store, or the reason in Chinese why it is refused.</summary>
    public static (CleanPhoto? Photo, string? Problem) Clean(byte[] bytes, bool keepLocation)
    {
        var type = Detect(bytes);
        var cleaned = type switch
        {
            "image/jpeg" => JpegFile.Clean(bytes, keepLocation),
            "image/png" => PngFile.Clean(bytes, keepLocation),
            "image/webp" => WebpFile.Clean(bytes, keepLocation),
            _ => null,
        };
        return type is null ? (null, NotAnImage)
            : cleaned is null ? (null, Damaged)
            : (new CleanPhoto(type, cleaned), null);
    }
}
