using System.Text.RegularExpressions;
using CivicGrid.App.Data;
using CivicGrid.App.Notifications.Sms;
using CivicGrid.App.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Testing;

/// <summary>A phone as the tests hold it: the messages the site's SMS sink wrote, and registry people to sign up as.</summary>
public static partial class SmsInbox
{
    [GeneratedRegex("验证码为(\\d{6})")]
    private static partial Regex CodeText();

    public static IReadOnlyList<SmsMessage> Messages(CivicGridFactory site, string phone) =>
        [.. ((FolderSmsSink)site.Services.GetRequiredService<ISmsSender>()).Messages().Where(m => m.Phone == phone)];

    /// <summary>The code in the latest message to the number, read from its text as the resident reads it.</summary>
    public static string LatestCode(CivicGridFactory site, string phone) => CodeIn(Messages(site, phone)[^1]);

    /// <summary>The same, from the sink folder of a server running as its own process.</summary>
    public static string LatestCode(FolderSmsSink sink, string phone) => CodeIn(sink.Messages().Last(m => m.Phone == phone));

    private static string CodeIn(SmsMessage message) => CodeText().Match(message.Text).Groups[1].Value;

    /// <summary>An adult in the registry of the grid whom no account belongs to yet: id, name, ID number, grid.</summary>
    public static Task<(int Id, string Name, string IdNumber, string GridCode)> UnlinkedResidentAsync(CivicGridFactory site, string gridCode, int skip = 0) =>
        site.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CivicGridDbContext>();
            var linked = db.Users.Where(u => u.ResidentId != null).Select(u => u.ResidentId!.Value);
            var adult = db.Clock.GetUtcNow().UtcDateTime.AddYears(-20);
            var r = await db.Residents.Where(r => r.GridCode == gridCode && !linked.Contains(r.Id) && r.BirthDate <= DateOnly.FromDateTime(adult))
                .OrderBy(r => r.Id).Skip(skip).FirstAsync();
            return (r.Id, r.Name, sp.GetRequiredService<PersonalDataProtector>().Decrypt(r.IdNumberCipher), r.GridCode);
        });
}
