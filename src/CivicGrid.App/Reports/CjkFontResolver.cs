using System.Buffers.Binary;
using System.Text;
using PdfSharp.Fonts;

namespace CivicGrid.App.Reports;

/// <summary>
/// Gives PDFsharp a Chinese font found on the system: Noto Sans CJK (the fonts-noto-cjk package, or the same files
/// installed by hand). PDFsharp reads single fonts, not collections, so the simplified-Chinese face is cut out of the
/// .ttc. PDFsharp does not subset fonts with PostScript outlines: each PDF carries the whole face (some 13 MB).
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "Noto Sans CJK SC";
    private const string Face = "noto-sans-cjk-sc";

    private static readonly string[] FileNames = ["NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf"];
    private static readonly Lazy<byte[]?> Font = new(Load);

    /// <summary>Whether a Chinese font is installed; without one no PDF is offered.</summary>
    public static bool Available => Font.Value is not null;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, bold, false);

    public byte[]? GetFont(string faceName) =>
        Font.Value ?? throw new InvalidOperationException("No Chinese font (Noto Sans CJK) is installed; install fonts-noto-cjk.");

    private static byte[]? Load()
    {
        var file = FontDirectories().Where(Directory.Exists)
            .SelectMany(d => FileNames.SelectMany(n => Directory.EnumerateFiles(d, n, SearchOption.AllDirectories)))
            .FirstOrDefault();
        if (file is null)
        {
            return null;
        }
        var bytes = File.ReadAllBytes(file);
        return IsCollection(bytes) ? SimplifiedChineseFace(bytes) : bytes;
    }

    private static IEnumerable<string> FontDirectories()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        yield return Path.Combine(home, ".local/share/fonts");
        yield return Path.Combine(home, ".fonts");
        yield return "/Library/Fonts";
        yield return Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
    }

    private static bool IsCollection(byte[] bytes) => bytes.Length > 12 && Encoding.ASCII.GetString(bytes, 0, 4) == "ttcf";

    /// <summary>The collection's face whose family name ends in SC, or its first face.</summary>
    private static byte[] SimplifiedChineseFace(byte[] ttc)
    {
        var faces = (int)U32(ttc, 8);
        var offsets = Enumerable.Range(0, faces).Select(i => (int)U32(ttc, 12 + 4 * i)).ToList();
        var chosen = offsets.FirstOrDefault(o => FamilyName(ttc, o)?.EndsWith(" SC", StringComparison.Ordinal) == true, offsets[0]);
        return StandAlone(ttc, chosen);
    }

    /// <summary>Copies one face's tables into a font file of its own, with the table offsets moved to match.</summary>
    private static byte[] StandAlone(byte[] ttc, int face)
    {
        var count = U16(ttc, face + 4);
        var header = 12 + 16 * count;
        var tables = Enumerable.Range(0, count).Select(i => (Offset: (int)U32(ttc, face + 12 + 16 * i + 8), Length: (int)U32(ttc, face + 12 + 16 * i + 12))).ToList();
        var result = new byte[header + tables.Sum(t => Padded(t.Length))];
        ttc.AsSpan(face, header).CopyTo(result);
        var position = header;
        for (var i = 0; i < count; i++)
        {
            ttc.AsSpan(tables[i].Offset, tables[i].Length).CopyTo(result.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(12 + 16 * i + 8), (uint)position);
            position += Padded(tables[i].Length);
        }
        return result;
    }

    /// <summary>The family name (name id 1) in US English from the Windows platform's records, UTF-16.</summary>
    private static string? FamilyName(byte[] font, int face)
    {
        var count = U16(font, face + 4);
        for (var i = 0; i < count; i++)
        {
            var record = face + 12 + 16 * i;
            if (Encoding.ASCII.GetString(font, record, 4) != "name")
            {
                continue;
            }
            var table = (int)U32(font, record + 8);
            var strings = table + U16(font, table + 4);
            for (var n = 0; n < U16(font, table + 2); n++)
            {
                var r = table + 6 + 12 * n;
                if (U16(font, r) == 3 && U16(font, r + 4) == 0x409 && U16(font, r + 6) == 1)
                {
                    return Encoding.BigEndianUnicode.GetString(font, strings + U16(font, r + 10), U16(font, r + 8));
                }
            }
        }
        return null;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static int U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));
}
