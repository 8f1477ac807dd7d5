using System.Security.Cryptography;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Notifications;

public sealed record AddWebhook(string Name, string Url);

public sealed record DeactivateWebhook(int Id);

public sealed record DeleteWebhook(int Id);

/// <summary>A subscription as listed: never its secret.</summary>
public sealed record WebhookView(int Id, string Name, string Url, bool Active, DateTimeOffset CreatedAt);

/// <summary>A new subscription with its signing secret, shown this once.</summary>
public sealed record WebhookCreated(int Id, string Name, string Url, string Secret);

/// <summary>District admins register the integrations that receive signed case events.</summary>
public sealed class ManageWebhooksHandler(CivicGridDbContext db)
{
    private const string AdminsOnly = "只有区管理员可以管理推送订阅";

    public async Task<List<WebhookView>> ListAsync(CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return [];
        }
        var rows = await db.WebhookSubscriptions.AsNoTracking().OrderBy(w => w.Id).ToListAsync(ct);
        return rows.ConvertAll(w => new WebhookView(w.Id, w.Name, w.Url, w.Active, DistrictTime.ToDistrictTime(w.CreatedAt)));
    }

    public async Task<Outcome<WebhookCreated>> HandleAsync(AddWebhook command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<WebhookCreated>.Forbidden(AdminsOnly);
        }
        var errors = Validate(command);
        if (errors.Count > 0)
        {
            return Outcome<WebhookCreated>.Invalid(errors);
        }
        var hook = new WebhookSubscription
        {
            Name = command.Name.Trim(),
            Url = command.Url.Trim(),
            Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookSubscriptions.Add(hook);
        await db.SaveChangesAsync(ct);
        return Outcome<WebhookCreated>.Ok(new WebhookCreated(hook.Id, hook.Name, hook.Url, hook.Secret));
    }

    public Task<Outcome<int>> HandleAsync(DeactivateWebhook command, CancellationToken ct) =>
        ChangeAsync(command.Id, hook => hook.Active = false, ct);

    public Task<Outcome<int>> HandleAsync(DeleteWebhook command, CancellationToken ct) =>
        ChangeAsync(command.Id, hook => db.WebhookSubscriptions.Remove(hook), ct);

    private async Task<Outcome<int>> ChangeAsync(int id, Action<WebhookSubscription> change, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden(AdminsOnly);
        }
        var hook = await db.WebhookSubscriptions.FindAsync([id], ct);
        if (hook is null)
        {
            return Outcome<int>.NotFound();
        }
        change(hook);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(id);
    }

    private static FieldErrors Validate(AddWebhook command)
    {
        var errors = new FieldErrors();
        var name = command.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors[nameof(command.Name)] = ["名称应为1至100个字"];
        }
        var url = command.Url?.Trim() ?? "";
        if (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors[nameof(command.Url)] = ["地址应为完整的 http 或 https 网址"];
        }
        return errors;
    }
}
