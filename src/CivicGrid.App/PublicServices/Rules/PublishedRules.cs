using CivicGrid.App.Data;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Rules;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Rules;

/// <summary>A published service with its rule compiled for today.</summary>
public sealed record PublishedRule(int ServiceId, string Code, string Name, DeliveryMode Mode, bool LimitedPlaces, Core.PublicServices.LifeEvents.LifeEventKinds OpenedBy, CompiledRule Rule);

/// <summary>
/// Every published rule compiled once per day and catalogue version and kept for the instance, so evaluating a
/// resident costs only the predicates (microseconds), never a parse or a compile.
/// </summary>
public sealed class PublishedRules
{
    private readonly Lock _gate = new();
    private (string Key, IReadOnlyList<PublishedRule> Rules) _cached = ("", []);

    public async Task<IReadOnlyList<PublishedRule>> GetAsync(CivicGridDbContext db, RuleBook book, CancellationToken ct)
    {
        var context = await book.ContextAsync(ct);
        var services = await db.ServiceItems.AsNoTracking().Include(s => s.Rules)
            .Where(s => s.PublishedRuleVersion != null).OrderBy(s => s.Code).ToListAsync(ct);
        var key = $"{context.Today:O}|{string.Join(',', context.TagIds.OrderBy(t => t.Value).Select(t => t.Key))}|" +
            string.Join(',', services.Select(s => $"{s.Id}:{s.PublishedRuleVersion}:{s.Mode}:{s.OpenedBy}"));
        lock (_gate)
        {
            if (_cached.Key == key)
            {
                return _cached.Rules;
            }
        }
        var compiled = services.Select(s => Compile(s, context)).OfType<PublishedRule>().ToList();
        lock (_gate)
        {
            _cached = (key, compiled);
        }
        return compiled;
    }

    /// <summary>A rule that no longer checks (a tag it names was deleted) selects nobody until staff correct it.</summary>
    private static PublishedRule? Compile(ServiceItem s, RuleContext context)
    {
        var check = RuleBook.Check(s.PublishedRule!.Text, context);
        return check.Rule is null ? null
            : new PublishedRule(s.Id, s.Code, s.Name, s.Mode, s.LimitedPlaces, s.OpenedBy, RuleCompiler.Compile(check.Rule, context));
    }
}
