using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Imports;

/// <summary>
/// A district's resident file is about 115 MB: more than the framework lets a form or a request body carry by default
/// (128 MB for a multipart body, 30 MB for Kestrel). The host raises both for uploads, and the file is spooled to disk
/// and read from there row by row.
/// </summary>
public class LargeUploadTests
{
    private const string Header = "姓名,身份证号,手机号,居住类型,迁入日期,户编号,与户主关系,网格编码";
    private const long UploadBytes = 140L * 1024 * 1024;

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AFileLargerThanTheFrameworksDefaultLimitsIsUploadedAndImported(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var client = await site.CreateClientAsync(StaffRole.DistrictAdmin, "330105");
        var id = IdNumber.Compose("330105", new DateOnly(1985, 3, 4), 17, Gender.Male);
        using var form = new MultipartFormDataContent();
        var file = new PaddedCsv($"{Header}\r\n王大文,{id},13812345678,户籍,2020-01-01,,,330105001001001\r\n", UploadBytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "residents.csv");

        var response = await client.PostAsync("/api/imports/Residents?commit=true", form);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var report = JsonDocument.Parse(body).RootElement;
        Assert.True(report.GetProperty("committed").GetBoolean());
        Assert.Equal(1, report.GetProperty("inserted").GetInt32());
        var residents = await client.GetStringAsync("/api/residents?q=王大文");
        Assert.Contains("王大文", residents, StringComparison.Ordinal);
    }

    /// <summary>
    /// A CSV file of <paramref name="length"/> bytes, written as it is sent: its rows, then blank lines of spaces, which the
    /// import reads and skips, so the test sends a district-sized body without checking a million rows.
    /// </summary>
    private sealed class PaddedCsv(string rows, long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var head = Encoding.UTF8.GetBytes(rows);
            await stream.WriteAsync(head);
            var line = Encoding.ASCII.GetBytes(new string(' ', 1022) + "\r\n");
            for (var written = (long)head.Length; written < length; written += line.Length)
            {
                await stream.WriteAsync(line.AsMemory(0, (int)Math.Min(line.Length, length - written)));
            }
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return true;
        }
    }
}
