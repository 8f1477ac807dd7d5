using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Open311;

/// <summary>An item of the deliberation list as an Open311 service; its category is the service group.</summary>
public sealed record Open311Service(string Code, string Name, string Description, bool Metadata, string Group);

public sealed record Open311Question(string Code, string Datatype, bool Required, string DatatypeDescription, int Order, string Description, IReadOnlyList<AttributeValue> Values);

public sealed record Open311ServiceDefinition(string Code, IReadOnlyList<Open311Question> Attributes);

/// <summary>The public, read-only side of the services: which district this is, what may be raised, and what each asks.</summary>
public sealed class Open311ServicesHandler(CivicGridDbContext db, CaseReference reference)
{
    /// <summary>The district's code, which is the jurisdiction_id clients send; null before a district is imported.</summary>
    public Task<string?> JurisdictionAsync(CancellationToken ct) =>
        db.PublicGeography().TerritoryNodes.AsNoTracking().Where(n => n.Level == TerritoryLevel.District)
            .OrderBy(n => n.Code).Select(n => n.Code).FirstOrDefaultAsync(ct);

    /// <summary>Whether a client's jurisdiction_id, if it sent one, names this district.</summary>
    public async Task<bool> IsOursAsync(string? jurisdictionId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(jurisdictionId) || jurisdictionId.Trim() == await JurisdictionAsync(ct);

    public async Task<IReadOnlyList<Open311Service>> ServicesAsync(CancellationToken ct) =>
        (await reference.GetAsync(db, ct)).Items.Values.Where(i => i.Active).OrderBy(i => i.Code)
            .Select(i => new Open311Service(i.Code, i.Name, i.Description, i.Attributes.Count > 0, i.Category)).ToList();

    public async Task<Open311ServiceDefinition?> DefinitionAsync(string code, CancellationToken ct)
    {
        var items = (await reference.GetAsync(db, ct)).Items;
        if (!items.TryGetValue(code, out var item) || !item.Active)
        {
            return null;
        }
        return new Open311ServiceDefinition(item.Code, item.Attributes.Select((q, i) => new Open311Question(
            q.Code, Datatype(q.Type), q.Required, DatatypeDescription(q.Type), i + 1, q.Description, q.Values)).ToList());
    }

    private static string Datatype(AttributeType type) => type switch
    {
        AttributeType.Number => "number",
        AttributeType.Datetime => "datetime",
        AttributeType.Text => "text",
        AttributeType.SingleValueList => "singlevaluelist",
        AttributeType.MultiValueList => "multivaluelist",
        _ => "string",
    };

    private static string DatatypeDescription(AttributeType type) => type switch
    {
        AttributeType.Number => "请填写数字",
        AttributeType.Datetime => "ISO 8601 日期时间，例如 2026-11-23T10:00:00+08:00",
        AttributeType.SingleValueList => "从取值中选择一项，填写其 key",
        AttributeType.MultiValueList => "从取值中选择一项或多项，填写其 key",
        _ => "不超过 500 字",
    };
}
