using CivicGrid.App.Data;
using System.Globalization;
using CivicGrid.Core.Cases;

namespace CivicGrid.App.Open311;

/// <summary>GET requests' parameters, parsed: with ids the rest is ignored, as the specification says; dates default to the last 90 days.</summary>
internal sealed record Open311RequestFilter(
    IReadOnlyList<int> Ids, IReadOnlyList<string> ServiceCodes, DateTimeOffset From, DateTimeOffset? To, bool? Open, IReadOnlyDictionary<string, string[]> Errors)
{
    public static Open311RequestFilter Parse(FindOpen311Requests query, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var ids = new List<int>();
        foreach (var part in Split(query.ServiceRequestId))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors["service_request_id"] = [$"service_request_id 应为以逗号分隔的编号：{part}"];
            }
        }
        var start = Date(query.StartDate, "start_date", errors);
        var end = Date(query.EndDate, "end_date", errors);
        if (start is { } s && end is { } e && (e < s || e - s > Open311RequestsHandler.DefaultWindow))
        {
            errors["end_date"] = ["end_date 应晚于 start_date，且时间跨度不超过 90 天"];
        }
        var from = start ?? (end ?? now) - Open311RequestsHandler.DefaultWindow;
        var to = end ?? (start is { } only ? only + Open311RequestsHandler.DefaultWindow : null);
        var statuses = Split(query.Status).Select(p => p.ToLowerInvariant()).Distinct().ToList();
        if (statuses.Any(p => p is not ("open" or "closed")))
        {
            errors["status"] = ["status 只能为 open 或 closed"];
        }
        bool? open = statuses.Count == 1 ? statuses[0] == "open" : null;
        return new Open311RequestFilter(ids.Distinct().Take(Open311RequestsHandler.MaxResults).ToList(), Split(query.ServiceCode), from, to, open, errors);
    }

    private static List<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static DateTimeOffset? Date(string? text, string name, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // A time without an offset is read as the district's time, as a local client would mean it.
        if (DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return parsed.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(parsed, WorkingCalendar.ChinaOffset) : new DateTimeOffset(parsed.ToUniversalTime());
        }
        errors[name] = [$"{name} 应为 ISO 8601 日期时间，例如 2026-11-23T10:00:00+08:00"];
        return null;
    }
}
