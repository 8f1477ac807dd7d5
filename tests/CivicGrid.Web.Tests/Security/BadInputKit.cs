using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.App.Data;
using CivicGrid.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Web.Tests.Security;

/// <summary>
/// Row counts of every table a bad input could reach. Equal before and after means nothing was saved, audit entries
/// included: <c>Assert.Equal(before, await TableCounts.OfAsync(site))</c>.
/// </summary>
internal sealed record TableCounts(
    int Buildings, int Households, int Residents, int Enterprises, int AuditEntries, int Cases, int CaseEvents,
    int Facilities, int Services, int Rules, int Webhooks, int Tags, int Outbox, int Inbox)
{
    public static Task<TableCounts> OfAsync(CivicGridFactory site) => site.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CivicGridDbContext>();
        return new TableCounts(
            await db.Buildings.IgnoreQueryFilters().CountAsync(), await db.Households.IgnoreQueryFilters().CountAsync(),
            await db.Residents.IgnoreQueryFilters().CountAsync(), await db.Enterprises.IgnoreQueryFilters().CountAsync(),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync(), await db.Cases.IgnoreQueryFilters().CountAsync(),
            await db.CaseEvents.IgnoreQueryFilters().CountAsync(), await db.Facilities.IgnoreQueryFilters().CountAsync(),
            await db.ServiceItems.IgnoreQueryFilters().CountAsync(), await db.EligibilityRules.IgnoreQueryFilters().CountAsync(),
            await db.WebhookSubscriptions.IgnoreQueryFilters().CountAsync(), await db.Tags.IgnoreQueryFilters().CountAsync(),
            await db.OutboxMessages.IgnoreQueryFilters().CountAsync(), await db.InboxMessages.IgnoreQueryFilters().CountAsync());
    });
}

/// <summary>One seeded site per corpus and engine: its cases run one after another, so counts taken around a case are that case's.</summary>
internal static class CorpusSite
{
    private static readonly ConcurrentDictionary<(DatabaseKind, string), Lazy<Task<CivicGridFactory>>> Sites = new();

    public static Task<CivicGridFactory> ForAsync(DatabaseKind kind, string corpus) =>
        Sites.GetOrAdd((kind, corpus), key => new Lazy<Task<CivicGridFactory>>(async () =>
            await CivicGridFactory.StartAsync(await TestDatabase.CreateAsync(key.Item1)))).Value;
}

internal static partial class Chinese
{
    /// <summary>Asserts the text carries a Chinese reason, not only the framework's English or nothing.</summary>
    public static void Asserted(string text) =>
        Assert.True(Han().IsMatch(text), $"no Chinese reason in: {(text.Length > 300 ? text[..300] : text)}");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    /// <summary>A problem-details body's reasons by field (the errors object), with the detail under "".</summary>
    public static Dictionary<string, string> Problem(string body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        var reasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("errors", out var errors))
        {
            foreach (var field in errors.EnumerateObject())
            {
                reasons[field.Name] = string.Join("；", field.Value.EnumerateArray().Select(e => e.GetString()));
            }
        }
        reasons[""] = root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
        return reasons;
    }
}

/// <summary>Each named input of a corpus on each engine, one test case apiece.</summary>
internal static class CorpusCases
{
    public static TheoryData<DatabaseKind, string> OnBothEngines(IEnumerable<string> names)
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in Enum.GetValues<DatabaseKind>())
        {
            foreach (var name in names)
            {
                data.Add(kind, name);
            }
        }
        return data;
    }
}
