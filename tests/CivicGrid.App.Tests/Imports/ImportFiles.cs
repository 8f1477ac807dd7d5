using System.Text;
using CivicGrid.App.Imports;

namespace CivicGrid.App.Tests.Imports;

/// <summary>Builds import files in memory the way users' tools write them.</summary>
internal static class ImportFiles
{
    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const string ResidentHeader = "姓名,身份证号,手机号,居住类型,迁入日期,户编号,与户主关系,标签";

    public static TabularData Csv(string text, Encoding? encoding = null, bool bom = false)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        if (bom)
        {
            bytes = [.. new UTF8Encoding(true).GetPreamble(), .. bytes];
        }
        return TabularFile.Read(new MemoryStream(bytes), "file.csv");
    }

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}
