using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Testing;
using MiniExcelLibs;

namespace CivicGrid.Web.Tests.Security;

/// <summary>
/// Bad spreadsheets and CSV files uploaded to the import API as the browser does (multipart, commit=true). Each is
/// refused with its row, column and a Chinese reason, and nothing is saved. Every file is built here in code.
/// </summary>
public class BadSpreadsheetTests
{
    private const string Corpus = "spreadsheets";
    private const string ResidentHeader = "姓名,身份证号,手机号,居住类型,迁入日期,户编号,与户主关系,网格编码";
    private const string EnterpriseHeader = "企业名称,统一社会信用代码,网格编码,行业,员工人数,注册地址";
    private static readonly string GoodId = IdNumber.Compose("330105", new DateOnly(1985, 3, 4), 17, Gender.Male);

    static BadSpreadsheetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>One bad file: what it is, and the status, row, column and reason it must get back (row 0: the file as a whole).</summary>
    private sealed record BadFile(string Kind, string FileName, Func<string, byte[]> Build, int Status, int Row, string Column, string Reason);

    private static string Resident(string grid, string name = "王小明", string? id = null) => $"{name},{id ?? GoodId},13812345678,户籍,2020-01-01,,,{grid}";

    private static string Enterprise(string grid, string code, string name = "好企业") => $"{name},{code},{grid},信息技术,10,小河路1号";

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static byte[] Xlsx(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static Dictionary<string, object> XlsxResident(string grid, string name) =>
        new() { ["姓名"] = name, ["身份证号"] = GoodId, ["居住类型"] = "户籍", ["网格编码"] = grid };

    private static byte[] ZipOf(string entry, string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(text);
        }
        return stream.ToArray();
    }

    private static readonly Dictionary<string, BadFile> Files = new()
    {
        // Encodings: GBK and UTF-16 with a byte order mark are read (the bad ID shows the row was understood); the rest are refused.
        ["gbk-bad-id"] = new("Residents", "r.csv", g => Encoding.GetEncoding("GBK").GetBytes(Lines(ResidentHeader, Resident(g, id: GoodId[..17] + Other(GoodId[17])))), 422, 2, "身份证号", "校验位错误"),
        ["utf16le-bom-bad-date"] = new("Residents", "r.csv", g => [.. new UnicodeEncoding(false, true).GetPreamble(), .. Encoding.Unicode.GetBytes(Lines(ResidentHeader, Resident(g, id: WithCheck("33010519901340001"))))], 422, 2, "身份证号", "出生日期无效"),
        ["utf16be-bom-short-id"] = new("Residents", "r.csv", g => [.. new UnicodeEncoding(true, true).GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Lines(ResidentHeader, Resident(g, id: GoodId[..17])))], 422, 2, "身份证号", "应为18位"),
        ["utf16le-no-bom"] = new("Residents", "r.csv", g => Encoding.Unicode.GetBytes(Lines(ResidentHeader, Resident(g))), 400, 0, "file", "空字节"),
        ["invalid-bytes"] = new("Residents", "r.csv", g => [.. Utf8(Lines(ResidentHeader) + "王"), 0xFF, 0xFF, .. Utf8(Resident(g)[1..] + "\r\n")], 400, 0, "file", "编码无法识别"),
        // Columns and shape.
        ["missing-required-column"] = new("Residents", "r.csv", g => Utf8(Lines("姓名,居住类型,网格编码", $"王小明,户籍,{g}")), 422, 1, "身份证号", "缺少必填列"),
        ["unknown-extra-column"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader + ",爱好", Resident(g) + ",下棋")), 422, 1, "爱好", "无法识别的列名"),
        ["repeated-column"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader + ",姓名", Resident(g) + ",王二")), 422, 1, "姓名", "列名重复"),
        ["empty-file"] = new("Residents", "r.csv", _ => [], 400, 0, "file", "文件为空"),
        ["blank-lines-only"] = new("Residents", "r.csv", _ => Utf8("\r\n\r\n  \r\n"), 400, 0, "file", "文件为空"),
        ["empty-xlsx"] = new("Residents", "r.xlsx", _ => Xlsx(), 400, 0, "file", "文件为空"),
        ["header-only"] = new("Residents", "r.csv", _ => Utf8(Lines(ResidentHeader)), 400, 0, "file", "没有数据行"),
        ["unclosed-quote"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, "\"王小明," + Resident(g)[4..])), 400, 0, "file", "CSV 格式错误"),
        ["control-character"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, name: "王\u0007明"))), 422, 2, "姓名", "控制字符"),
        ["10mb-cell-csv"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, name: new string('a', 10 * 1024 * 1024)))), 422, 2, "姓名", "内容过长"),
        ["10mb-cell-xlsx"] = new("Residents", "r.xlsx", g => Xlsx(XlsxResident(g, new string('a', 10 * 1024 * 1024))), 422, 2, "姓名", "内容过长"),
        // Formulas: a text cell starting with = + - @ is refused, in CSV and in a workbook.
        ["formula-equals"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, name: "\"=HYPERLINK(\"\"http://example.com\"\",\"\"点我\"\")\""))), 422, 2, "姓名", "疑似公式"),
        ["formula-plus"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, name: "+1+1"))), 422, 2, "姓名", "疑似公式"),
        ["formula-minus"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, name: "-2+3"))), 422, 2, "姓名", "疑似公式"),
        ["formula-at"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, name: "@SUM(1)"))), 422, 2, "姓名", "疑似公式"),
        ["formula-xlsx"] = new("Residents", "r.xlsx", g => Xlsx(XlsxResident(g, "=cmd|' /C calc'!A0")), 422, 2, "姓名", "疑似公式"),
        ["formula-enterprise"] = new("Enterprises", "e.csv", g => Utf8(Lines(EnterpriseHeader, Enterprise(g, "91350100M000100Y43", name: "=1+2"))), 422, 2, "企业名称", "疑似公式"),
        // Keys.
        ["duplicate-id-in-file"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g), Resident(g, name: "王二"))), 422, 3, "身份证号", "与第2行重复"),
        ["duplicate-credit-code-in-file"] = new("Enterprises", "e.csv", g => Utf8(Lines(EnterpriseHeader, Enterprise(g, "91350100M000100Y43"), Enterprise(g, "91350100M000100Y43", "另一企业"))), 422, 3, "统一社会信用代码", "与第2行重复"),
        // ID numbers (GB 11643).
        ["id-bad-checksum"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, id: GoodId[..17] + Other(GoodId[17])))), 422, 2, "身份证号", "校验位错误"),
        ["id-bad-date"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, id: WithCheck("33010519850230001")))), 422, 2, "身份证号", "出生日期无效"),
        ["id-too-short"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, id: GoodId[..15]))), 422, 2, "身份证号", "应为18位"),
        ["id-too-long"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, id: GoodId + "1"))), 422, 2, "身份证号", "应为18位"),
        ["id-letters"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, id: "33010519850304A01X"))), 422, 2, "身份证号", "只能由数字组成"),
        ["id-empty"] = new("Residents", "r.csv", g => Utf8(Lines(ResidentHeader, Resident(g, id: ""))), 422, 2, "身份证号", "必填项为空"),
        // Unified social credit codes (GB 32100, GB 11714).
        ["credit-bad-check"] = new("Enterprises", "e.csv", g => Utf8(Lines(EnterpriseHeader, Enterprise(g, "91350100M000100Y44"))), 422, 2, "统一社会信用代码", "统一社会信用代码校验位错误"),
        ["credit-bad-organisation-check"] = new("Enterprises", "e.csv", g => Utf8(Lines(EnterpriseHeader, Enterprise(g, CreditWithCheck("91350100M0001004")))), 422, 2, "统一社会信用代码", "组织机构代码校验位错误"),
        ["credit-too-short"] = new("Enterprises", "e.csv", g => Utf8(Lines(EnterpriseHeader, Enterprise(g, "91350100M000100Y4"))), 422, 2, "统一社会信用代码", "应为18位"),
        ["credit-forbidden-letter"] = new("Enterprises", "e.csv", g => Utf8(Lines(EnterpriseHeader, Enterprise(g, "91350100M000100I43"))), 422, 2, "统一社会信用代码", "不允许的字符"),
        ["credit-bad-division"] = new("Enterprises", "e.csv", g => Utf8(Lines(EnterpriseHeader, Enterprise(g, "91ABCDEFM000100Y43"))), 422, 2, "统一社会信用代码", "行政区划码"),
        // Not a workbook at all.
        ["xlsx-renamed-text"] = new("Residents", "r.xlsx", g => Utf8(Lines(ResidentHeader, Resident(g))), 400, 0, "file", "无法读取 Excel 文件"),
        ["xlsx-truncated-zip"] = new("Residents", "r.xlsx", g => Xlsx(XlsxResident(g, "王小明"))[..1000], 400, 0, "file", "无法读取 Excel 文件"),
        ["xlsx-zip-without-workbook"] = new("Residents", "r.xlsx", _ => ZipOf("readme.txt", "这不是表格"), 400, 0, "file", "无法读取 Excel 文件"),
        ["xlsx-workbook-xml-broken"] = new("Residents", "r.xlsx", _ => ZipOf("xl/workbook.xml", "<workbook><sheets><sheet"), 400, 0, "file", "无法读取 Excel 文件"),
        ["unsupported-extension"] = new("Residents", "r.txt", g => Utf8(Lines(ResidentHeader, Resident(g))), 400, 0, "file", "只支持 .xlsx 和 .csv"),
        // Size: more rows than an upload may hold, and a file over the upload limit.
        ["too-many-rows"] = new("Residents", "r.csv", g => Utf8("姓名\r\n" + string.Concat(Enumerable.Repeat("某\r\n", CivicGrid.Web.Imports.ImportUploads.MaxRows + 1))), 400, 0, "file", "超过每次最多2000000行"),
        ["over-size-cap"] = new("Residents", "r.csv", _ => new byte[CivicGrid.Web.Imports.ImportUploads.MaxBytes + 2 * 1024 * 1024], 413, 0, "body", "过大"),
    };

    public static TheoryData<DatabaseKind, string> Cases() => CorpusCases.OnBothEngines(Files.Keys);

    [Theory, MemberData(nameof(Cases))]
    public async Task ABadFileIsRefusedWithRowColumnAndReasonAndNothingIsSaved(DatabaseKind kind, string name)
    {
        var file = Files[name];
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grid = (await site.GridsAsync())[0].Code;
        var client = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var before = await TableCounts.OfAsync(site);

        var response = await client.PostAsync($"/api/imports/{file.Kind}?commit=true", Upload(file.FileName, file.Build(grid)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(file.Status == (int)response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Chinese.Asserted(body);
        if (file.Row == 0)
        {
            Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            Assert.Contains(file.Reason, Chinese.Problem(body)[file.Column], StringComparison.Ordinal);
        }
        else
        {
            var report = JsonDocument.Parse(body).RootElement;
            Assert.False(report.GetProperty("committed").GetBoolean());
            var errors = report.GetProperty("errors").EnumerateArray()
                .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Reason: e.GetProperty("reason").GetString()!)).ToList();
            Assert.Contains(errors, e => e.Row == file.Row && e.Column == file.Column && e.Reason.Contains(file.Reason, StringComparison.Ordinal));
        }
        Assert.Equal(before, await TableCounts.OfAsync(site));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AByteOrderMarkIsNotAnErrorAndUtf16AndGbkReadTheSame(DatabaseKind kind)
    {
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grid = (await site.GridsAsync())[0].Code;
        var client = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var text = Lines(ResidentHeader, Resident(grid, name: "钱七"));
        var before = await TableCounts.OfAsync(site);

        foreach (var bytes in new[]
        {
            [.. new UTF8Encoding(true).GetPreamble(), .. Utf8(text)],
            Encoding.GetEncoding("GBK").GetBytes(text),
            [.. new UnicodeEncoding(false, true).GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            [.. new UnicodeEncoding(true, true).GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        })
        {
            // A preview reads and checks the file without writing it.
            var response = await client.PostAsync("/api/imports/Residents", Upload("r.csv", bytes));
            var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(report.GetProperty("errors").EnumerateArray());
            Assert.Equal(1, report.GetProperty("rows").GetInt32());
        }
        Assert.Equal(before, await TableCounts.OfAsync(site));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnIdNumberAlreadyRegisteredOutsideTheScopeIsRefusedAndTheWholeFileWithIt(DatabaseKind kind)
    {
        var site = await CorpusSite.ForAsync(kind, Corpus);
        var grids = await site.GridsAsync();
        var elsewhere = grids.First(g => g.Code[..12] != grids[0].Code[..12]).Code;
        var admin = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var taken = IdNumber.Compose("330105", new DateOnly(1970, 5, 6), 31, Gender.Female);
        var arranged = await admin.PostAsync("/api/imports/Residents?commit=true", Upload("r.csv", Utf8(Lines(ResidentHeader, Resident(elsewhere, "李四", taken)))));
        Assert.Equal(HttpStatusCode.OK, arranged.StatusCode);
        var staff = await site.CreateClientAsync(StaffRole.CommunityStaff, grids[0].Code[..12]);
        var before = await TableCounts.OfAsync(site);

        var file = Utf8(Lines(ResidentHeader, Resident(grids[0].Code, "张三", IdNumber.Compose("330105", new DateOnly(1971, 1, 2), 41, Gender.Male)), Resident(grids[0].Code, "李四", taken)));
        var response = await staff.PostAsync("/api/imports/Residents?commit=true", Upload("r.csv", file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("身份证号", error.GetProperty("column").GetString());
        Assert.Contains("管辖范围以外", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await TableCounts.OfAsync(site));
    }

    private static MultipartFormDataContent Upload(string name, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", name);
        return form;
    }

    private static char Other(char check) => check == '0' ? '1' : '0';

    private static string WithCheck(string first17) => first17 + IdNumber.CheckCharacter(first17);

    /// <summary>A code whose organisation check character (17th) is wrong but whose final check matches, so only GB 11714 fails.</summary>
    private static string CreditWithCheck(string first16)
    {
        var good = Core.Enterprises.CreditCode.OrganisationCheck(first16.AsSpan(8, 8));
        var first17 = first16 + (good == '0' ? '1' : '0');
        return first17 + Core.Enterprises.CreditCode.CheckCharacter(first17);
    }
}
