using System.Text;
using CivicGrid.App.Imports;

namespace CivicGrid.App.Tests.Imports;

/// <summary>How the file reader answers each encoding and shape, below the importers: read as text, or refused in Chinese.</summary>
public class TabularFileTests
{
    private const string Text = "姓名,居住类型\r\n钱七,户籍\r\n";

    static TabularFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Readable() => new() { "utf-8", "utf-8-bom", "gbk", "gb18030", "utf-16le-bom", "utf-16be-bom" };

    [Theory, MemberData(nameof(Readable))]
    public void EveryEncodingChineseToolsWriteReadsTheSameText(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(Text),
            "utf-8-bom" => [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(Text)],
            "gbk" => Encoding.GetEncoding("GBK").GetBytes(Text),
            "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(Text),
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)],
        };

        var table = TabularFile.Read(new MemoryStream(bytes), "r.csv");

        Assert.Equal(["姓名", "居住类型"], table.Headers);
        Assert.Equal(new[] { "钱七", "户籍" }, Assert.Single(table.Rows).Select(c => c ?? ""));
    }

    public static TheoryData<string, string, string> Unreadable() => new()
    {
        { "utf-16-without-bom", "r.csv", "空字节" },
        { "invalid-bytes", "r.csv", "编码无法识别" },
        { "empty", "r.csv", "文件为空" },
        { "blank-lines", "r.csv", "文件为空" },
        { "header-only", "r.csv", "没有数据行" },
        { "header-and-blank-rows", "r.csv", "没有数据行" },
        { "unclosed-quote", "r.csv", "CSV 格式错误" },
        { "text-called-xlsx", "r.xlsx", "无法读取 Excel 文件" },
        { "other-extension", "r.xls", "只支持 .xlsx 和 .csv" },
        { "too-many-rows", "r.csv", "超过每次最多3行" },
    };

    [Theory, MemberData(nameof(Unreadable))]
    public void AFileThatCannotBeReadIsRefusedWithAChineseReason(string name, string fileName, string reason)
    {
        byte[] bytes = name switch
        {
            "utf-16-without-bom" => Encoding.Unicode.GetBytes(Text),
            "invalid-bytes" => [.. Encoding.UTF8.GetBytes("姓名\r\n王"), 0xFF, 0xFE, 0xFF, .. Encoding.UTF8.GetBytes("\r\n")],
            "empty" => [],
            "blank-lines" => Encoding.UTF8.GetBytes("\r\n \r\n"),
            "header-only" => Encoding.UTF8.GetBytes("姓名,居住类型\r\n"),
            "header-and-blank-rows" => Encoding.UTF8.GetBytes("姓名,居住类型\r\n,\r\n ,\r\n"),
            "unclosed-quote" => Encoding.UTF8.GetBytes("姓名,居住类型\r\n\"钱七,户籍\r\n"),
            "too-many-rows" => Encoding.UTF8.GetBytes("姓名\r\n甲\r\n乙\r\n丙\r\n丁\r\n"),
            _ => Encoding.UTF8.GetBytes(Text),
        };

        var refused = Assert.Throws<ImportFileException>(() => TabularFile.Read(new MemoryStream(bytes), fileName, maxRows: 3));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }
}
