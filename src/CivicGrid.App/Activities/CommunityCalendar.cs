using System.Globalization;
using System.Text;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Activities;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Activities;

/// <summary>
/// A community's published sessions as an iCalendar feed (RFC 5545), for anyone's calendar app: from 30 days back,
/// cancelled ones marked so, no personal data. Null when the code is not a community.
/// </summary>
public sealed record CommunityCalendar(string CommunityCode);

public sealed class CommunityCalendarHandler(CivicGridDbContext db)
{
    public async Task<string?> HandleAsync(CommunityCalendar q, CancellationToken ct)
    {
        var code = q.CommunityCode;
        if (!TerritoryCode.IsValid(code) || TerritoryCode.LevelOf(code) != TerritoryLevel.Community)
        {
            return null;
        }
        var name = await db.PublicGeography().TerritoryNodes.Where(n => n.Code == code).Select(n => n.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }
        var since = db.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var sessions = await db.PublicActivities().Sessions.AsNoTracking().Where(s => s.CommunityCode == code && s.StartsAt >= since)
            .OrderBy(s => s.StartsAt).Take(1000)
            .Select(s => new { s.Id, s.StartsAt, s.Minutes, s.Status, s.Activity!.Title, s.Activity.Description, s.Activity.FacilityId }).ToListAsync(ct);
        var facilityIds = sessions.Select(s => s.FacilityId).Distinct().ToList();
        var places = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name + " " + f.Address, ct);
        var ics = new ICalendarWriter($"{name}社区活动");
        var stamp = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var s in sessions)
        {
            ics.Event($"session-{s.Id}@civicgrid", stamp, s.StartsAt, s.StartsAt.AddMinutes(s.Minutes), s.Title, s.Description,
                places.GetValueOrDefault(s.FacilityId, ""), s.Status == SessionStatus.Cancelled);
        }
        return ics.Finish();
    }
}

/// <summary>The few parts of RFC 5545 a feed of events needs: escaped text, UTC times, lines folded at 75 octets, CRLF.</summary>
public sealed class ICalendarWriter
{
    private readonly StringBuilder _text = new();

    public ICalendarWriter(string name)
    {
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//CivicGrid//Activities//ZH");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
        Line("X-WR-TIMEZONE:Asia/Shanghai");
    }

    public void Event(string uid, DateTime stamp, DateTime start, DateTime end, string summary, string description, string location, bool cancelled)
    {
        Line("BEGIN:VEVENT");
        Line("UID:" + uid);
        Line("DTSTAMP:" + Utc(stamp));
        Line("DTSTART:" + Utc(start));
        Line("DTEND:" + Utc(end));
        Line("SUMMARY:" + Escape(summary));
        if (description.Length > 0)
        {
            Line("DESCRIPTION:" + Escape(description));
        }
        if (location.Length > 0)
        {
            Line("LOCATION:" + Escape(location));
        }
        Line("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        Line("END:VEVENT");
    }

    public string Finish()
    {
        Line("END:VCALENDAR");
        return _text.ToString();
    }

    private static string Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Folds a content line into lines of at most 75 octets of UTF-8, never splitting a character.</summary>
    private void Line(string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                _text.Append("\r\n ");
                octets = 1;
            }
            _text.Append(rune.ToString());
            octets += size;
        }
        _text.Append("\r\n");
    }
}
