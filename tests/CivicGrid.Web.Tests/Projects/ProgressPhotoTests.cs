using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Projects;

/// <summary>
/// Photos of a month's progress (项目进度照片), as a runner's visit takes them: uploaded without the place they were taken,
/// linked to the record, shown in the project's history, and opened only by those who see the project.
/// </summary>
public sealed class ProgressPhotoTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_progress_photo_is_kept_without_its_location_and_shown_only_to_those_who_see_the_project(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var arranged = await BlockerSite.ArrangeAsync(site);
        var grids = await site.GridsAsync();
        var cadre = await arranged.CadreAsync(arranged.GroupA);
        var otherCadre = await arranged.CadreAsync(arranged.GroupB);
        var office = await site.CreateClientAsync(StaffRole.ProjectOffice, "330105");
        var street = await site.CreateClientAsync(StaffRole.StreetOfficial, grids[0].Code[..9]);
        var otherStreet = await site.CreateClientAsync(StaffRole.StreetOfficial, grids.First(g => g.Code[..9] != grids[0].Code[..9]).Code[..9]);
        var worker = await site.CreateClientAsync(StaffRole.GridWorker, grids[0].Code);

        var photo = await UploadAsync(cadre, TestImages.Jpeg());
        Assert.True(TestImages.ContainsLocation(TestImages.Jpeg()));
        using var beforeLinked = await office.GetAsync($"/api/attachments/{photo}");
        var recorded = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/progress", new { month = Month(site), investmentWan = 800, note = "桩基施工完成", photos = new[] { photo } });
        recorded.EnsureSuccessStatusCode();
        var progressId = await recorded.Content.ReadFromJsonAsync<int>();

        Assert.Equal(HttpStatusCode.NotFound, beforeLinked.StatusCode);
        Assert.Equal(progressId, await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().CaseAttachments.Where(a => a.Id == photo).Select(a => a.ProgressId).SingleAsync()));
        var detail = JsonDocument.Parse(await office.GetStringAsync($"/api/projects/{arranged.ProjectA}")).RootElement;
        Assert.Equal(photo, detail.GetProperty("progress")[0].GetProperty("photos")[0].GetString());
        foreach (var reader in new[] { cadre, office, street })
        {
            using var image = await reader.GetAsync($"/api/attachments/{photo}");
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
            Assert.False(TestImages.ContainsLocation(await image.Content.ReadAsByteArrayAsync()));
        }
        Assert.Contains($"api/attachments/{photo}", await office.GetStringAsync($"/projects/{arranged.ProjectA}"), StringComparison.Ordinal);
        Assert.Contains($"api/attachments/{photo}", await street.GetStringAsync($"/projects/{arranged.ProjectA}"), StringComparison.Ordinal);
        // Another group's cadre, another street's official and a grid worker do not see the project, so not its photo either.
        foreach (var stranger in new[] { otherCadre, otherStreet, worker })
        {
            using var image = await stranger.GetAsync($"/api/attachments/{photo}");
            Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Progress_photos_are_refused_in_chinese_over_nine_of_the_wrong_type_or_used_twice_and_nothing_is_saved(DatabaseKind kind)
    {
        await using var site = await CivicGridFactory.StartAsync(kind);
        var arranged = await BlockerSite.ArrangeAsync(site);
        var cadre = await arranged.CadreAsync(arranged.GroupA);

        var text = await cadre.PostAsync("/api/attachments", TestImages.AsUpload("不是照片"u8.ToArray()));
        var ten = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ten.Add(await UploadAsync(cadre, TestImages.Png()));
        }
        var tooMany = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/progress",
            new { month = Month(site), investmentWan = 100, stageReached = "Landed", stageReachedOn = Month(site), photos = ten });
        var unknown = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/progress", new { month = Month(site), investmentWan = 100, photos = new[] { "no-such-photo" } });

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains(Photo.NotAnImage, await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("照片最多 9 张", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("photos")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("照片不存在，请重新上传", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            Assert.Equal(0, await db.Set<Core.Projects.ProjectProgress>().CountAsync());
            Assert.Equal(Core.Projects.ProjectStage.Signed, await db.Set<Core.Projects.MajorProject>().Where(p => p.Id == arranged.ProjectA).Select(p => p.Stage).SingleAsync());
            Assert.Equal(0, await db.CaseAttachments.CountAsync(a => a.ProgressId != null));
            return 0;
        });

        // Nine are taken; a photo already kept with a record is not taken again, by that project or another.
        (await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/progress", new { month = Month(site), investmentWan = 100, photos = ten.Take(9) })).EnsureSuccessStatusCode();
        var again = await cadre.PostAsJsonAsync($"/api/projects/{arranged.ProjectA}/progress", new { month = Month(site), investmentWan = 100, photos = ten.Take(1) });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("照片不存在，请重新上传", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(9, await site.AsSystemAsync(sp => sp.GetRequiredService<CivicGridDbContext>().CaseAttachments.CountAsync(a => a.ProgressId != null)));
    }

    private static string Month(CivicGridFactory site) =>
        site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-01", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> UploadAsync(HttpClient client, byte[] bytes)
    {
        using var response = await client.PostAsync("/api/attachments", TestImages.AsUpload(bytes));
        response.EnsureSuccessStatusCode();
        return JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync())!;
    }
}
