using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Offers;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Offers;

/// <summary>
/// Adds an offer (no <see cref="Id"/>) or changes one (登记/修改社区资源). Places and the credit line change through
/// <see cref="CommunityOffer.Resize"/>, so they never fall below what matches hold.
/// </summary>
public sealed record SaveOffer(
    int? Id, string? Name, string? Provider, OfferKind? Kind, IReadOnlyList<string>? CategoryCodes,
    string? Description = null, int? BusinessCommunityId = null, int? BuildingId = null, double? Latitude = null, double? Longitude = null,
    int? Places = null, Money? CreditLine = null, int? MinEmployees = null, int? MaxEmployees = null,
    IReadOnlyList<string>? Industries = null, bool Active = true);

public sealed class SaveOfferHandler(CivicGridDbContext db)
{
    public async Task<Outcome<OfferRow>> HandleAsync(SaveOffer command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.KeepEnterpriseLists))
        {
            return Outcome<OfferRow>.Forbidden("当前角色无权维护社区资源");
        }
        var offer = command.Id is { } id ? await OffersInScope.Of(db).FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        if (command.Id is not null && offer is null)
        {
            return Outcome<OfferRow>.NotFound();
        }
        var errors = await ValidateAsync(command, ct);
        if (errors.Count > 0)
        {
            return Outcome<OfferRow>.Invalid(errors);
        }
        offer ??= db.CommunityOffers.Add(new CommunityOffer { Name = "", Provider = "" }).Entity;
        OfferRules.Fill(offer, command);
        if (offer.Resize(command.Places, command.Kind == OfferKind.CreditLine ? command.CreditLine : null) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return Outcome<OfferRow>.Invalid(refusal.Field, refusal.Reason);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<OfferRow>.Invalid("", "该资源刚被他人更新，本次修改未保存，请刷新后重试");
        }
        return Outcome<OfferRow>.Ok(OfferRow.From(offer));
    }

    private async Task<FieldErrors> ValidateAsync(SaveOffer c, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Text(errors, "name", c.Name, "请填写资源名称", 100);
        Text(errors, "provider", c.Provider, "请填写提供方", 100);
        if (c.Description?.Length > 1000)
        {
            errors.Add("description", "说明不超过 1000 字");
        }
        if (c.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "请选择资源类型");
        }
        await CategoriesAsync(errors, c.CategoryCodes, ct);
        foreach (var (field, reason) in OfferRules.Numbers(c.Kind, c.Places, c.CreditLine, c.MinEmployees, c.MaxEmployees))
        {
            errors.Add(field, reason);
        }
        if ((c.Latitude is null) != (c.Longitude is null) || c.Latitude is < -90 or > 90 || c.Longitude is < -180 or > 180)
        {
            errors.Add("latitude", "请同时填写有效的经纬度");
        }
        await PlaceAsync(errors, c, ct);
        return errors;
    }

    private async Task CategoriesAsync(FieldErrors errors, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        if (codes is not { Count: > 0 } || codes.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("categoryCodes", "请至少选择一个服务的需求类别");
            return;
        }
        var known = await db.NeedCategories.Where(k => k.Active && codes.Contains(k.Code)).Select(k => k.Code).ToListAsync(ct);
        foreach (var unknown in codes.Except(known))
        {
            errors.Add("categoryCodes", $"需求类别“{unknown}”不存在或已停用");
        }
    }

    private async Task PlaceAsync(FieldErrors errors, SaveOffer c, CancellationToken ct)
    {
        // The business communities' filter keeps an actor to those of their street and above.
        if (c.BusinessCommunityId is { } community && !await db.BusinessCommunities.AnyAsync(b => b.Id == community, ct))
        {
            errors.Add("businessCommunityId", "找不到该商务社区，或不在您的管辖范围内");
        }
        if (c.BuildingId is { } building && !await db.PublicGeography().Buildings.AnyAsync(b => b.Id == building, ct))
        {
            errors.Add("buildingId", "找不到该楼宇");
        }
    }

    private static void Text(FieldErrors errors, string field, string? value, string missing, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(field, $"不超过 {max} 字");
        }
    }
}
