using System.Net;
using System.Text.Json;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;

namespace CivicGrid.Web.Tests.Security;

public class PhotoTests
{
    public static TheoryData<string, byte[], string> Formats => new()
    {
        { "jpeg", TestImages.Jpeg(), "image/jpeg" },
        { "png", TestImages.Png(), "image/png" },
        { "webp", TestImages.Webp(), "image/webp" },
    };

    [Theory, MemberData(nameof(Formats))]
    public void LocationIsRemovedUnlessTheUploaderKeepsIt(string format, byte[] image, string type)
    {
        var (removed, _) = Photo.Clean(image, keepLocation: false);
        var (kept, _) = Photo.Clean(image, keepLocation: true);

        Assert.True(TestImages.ContainsLocation(image), format);
        Assert.Equal(type, removed!.ContentType);
        Assert.False(TestImages.ContainsLocation(removed.Bytes), $"{format} keeps its location");
        Assert.Equal(image, kept!.Bytes);
        // What is left is still a well-formed image of the same kind.
        Assert.Equal(removed.Bytes, Photo.Clean(removed.Bytes, keepLocation: false).Photo!.Bytes);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void APortraitPhoneJpegKeepsWhichWayUpItIsAndNothingElse(int orientation)
    {
        var image = TestImages.PhoneJpeg(orientation);
        Assert.Equal(orientation, ExifOrientation.Read(image.AsSpan(6, (image[4] << 8 | image[5]) - 2)));

        var cleaned = Photo.Clean(image, keepLocation: false).Photo!.Bytes;

        Assert.False(TestImages.ContainsLocation(cleaned));
        Assert.Equal([0xFF, 0xD8, .. ExifOrientation.Segment(orientation)], cleaned[..(2 + ExifOrientation.Segment(orientation).Length)]);
        Assert.Equal(orientation, ExifOrientation.Read(cleaned.AsSpan(6, (cleaned[4] << 8 | cleaned[5]) - 2)));
        Assert.Equal(cleaned, Photo.Clean(cleaned, keepLocation: false).Photo!.Bytes);
    }

    [Fact]
    public void AnUprightPhoneJpegLosesItsExifWhole()
    {
        var cleaned = Photo.Clean(TestImages.PhoneJpeg(1), keepLocation: false).Photo!.Bytes;

        Assert.Equal([0xFF, 0xD8, 0xFF, 0xC0], cleaned[..4]);
    }

    [Fact]
    public void WebpWithoutMetadataNoLongerDeclaresIt()
    {
        var cleaned = Photo.Clean(TestImages.Webp(), keepLocation: false).Photo!.Bytes;

        Assert.Equal(0, cleaned[20] & 0x08);
        Assert.Equal((uint)(cleaned.Length - 8), System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(cleaned.AsSpan(4)));
    }

    public static TheoryData<string, byte[], string> Refused()
    {
        var png = TestImages.Png();
        var badCrc = (byte[])png.Clone();
        badCrc[30] ^= 0xFF;
        var webpBadSize = TestImages.Webp();
        webpBadSize[4] ^= 0x10;
        return new()
        {
            { "text renamed .jpg", "<html><script>alert(1)</script></html>"u8.ToArray(), Photo.NotAnImage },
            { "svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), Photo.NotAnImage },
            { "gif", "GIF89a\u0001\0\u0001\0"u8.ToArray(), Photo.NotAnImage },
            { "jpeg cut before the image data", TestImages.Jpeg()[..40], Photo.Damaged },
            { "jpeg without end of image", TestImages.Jpeg()[..^2], Photo.Damaged },
            { "jpeg header only", [0xFF, 0xD8, 0xFF], Photo.Damaged },
            { "png with a wrong checksum", badCrc, Photo.Damaged },
            { "png cut in half", png[..(png.Length / 2)], Photo.Damaged },
            { "png with bytes after its end", [.. png, 1, 2, 3], Photo.Damaged },
            { "webp whose size lies", webpBadSize, Photo.Damaged },
            { "webp without image data", [.. "RIFF"u8, 4, 0, 0, 0, .. "WEBP"u8], Photo.Damaged },
        };
    }

    [Theory, MemberData(nameof(Refused))]
    public void MalformedOrDisguisedFilesAreRefusedWithAReason(string what, byte[] bytes, string reason)
    {
        var (photo, problem) = Photo.Clean(bytes, keepLocation: false);

        Assert.True(photo is null, what);
        Assert.Equal(reason, problem);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task UploadsStoreTheCleanedPhotoAndRefuseOthersInChinese(DatabaseKind kind)
    {
        var site = await SharedSite.ForAsync(kind);
        var grid = (await site.GridsAsync())[0];
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grid.Code);

        var stored = await UploadAsync(worker, TestImages.Png(), "/api/attachments");
        var kept = await UploadAsync(worker, TestImages.Jpeg(), "/api/attachments?keepLocation=true");
        var text = await UploadAsync(worker, "not a photo"u8.ToArray(), "/api/attachments");
        var large = await UploadAsync(worker, [.. TestImages.Jpeg(), .. new byte[Photo.MaxBytes]], "/api/attachments");

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var id = JsonSerializer.Deserialize<string>(await stored.Content.ReadAsStringAsync());
        var back = await worker.GetAsync($"/api/attachments/{id}");
        Assert.Equal("image/png", back.Content.Headers.ContentType?.MediaType);
        Assert.False(TestImages.ContainsLocation(await back.Content.ReadAsByteArrayAsync()));
        var keptId = JsonSerializer.Deserialize<string>(await kept.Content.ReadAsStringAsync());
        Assert.True(TestImages.ContainsLocation(await worker.GetByteArrayAsync($"/api/attachments/{keptId}")));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains(Photo.NotAnImage, await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Contains("5 MB", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string url) => client.PostAsync(url, TestImages.AsUpload(bytes));
}
