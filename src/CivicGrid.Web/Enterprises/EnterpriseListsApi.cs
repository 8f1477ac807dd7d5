using CivicGrid.App.Enterprises.Needs;
using CivicGrid.App.Enterprises.Offers;
using CivicGrid.App.Enterprises.Wishes;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Web.Access;
using CivicGrid.Web.Enterprises.Needs;
using CivicGrid.Web.Enterprises.Offers;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Enterprises;

/// <summary>
/// The three lists over HTTP: enterprises' needs and their moves, the community's offers, employees' wishes. Reads are
/// open to every signed-in account and scoped by the jurisdiction (a contact sees its own enterprise, staff their
/// place); writes are checked against the permission table by the use cases themselves.
/// </summary>
public static class EnterpriseListsApi
{
    public static void MapEnterpriseLists(this IEndpointRouteBuilder app)
    {
        var needs = app.MapGroup("/api/enterprise-needs").WithTags("Enterprise needs").RequireAuthorization();
        needs.MapGet("", async ([AsParameters] NeedFilter f, ListNeedsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        needs.MapPost("", async (RaiseNeedRequest body, IServiceProvider services, CancellationToken ct) => (await body.SendAsync(services, ct)).ToHttp());
        needs.MapGet("/{id:int}", async (int id, GetNeedHandler h, CancellationToken ct) => (await h.HandleAsync(new GetNeed(id), ct)).ToHttp());
        needs.MapPost("/{id:int}/moves", async (int id, NeedMoveRequest body, IServiceProvider services, CancellationToken ct) =>
            (await body.SendAsync(id, services, ct)).ToHttp());
        needs.MapGet("/{id:int}/suggestions", async (int id, int? top, SuggestMatchesHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new SuggestMatches(id, top ?? 5), ct)).ToHttp()).RequireAuthorization(Policies.KeepsEnterpriseLists);

        var offers = app.MapGroup("/api/enterprise-offers").WithTags("Enterprise offers").RequireAuthorization();
        offers.MapGet("", async ([AsParameters] OfferFilter f, ListOffersHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        offers.MapPost("", async (OfferRequest body, SaveOfferHandler h, CancellationToken ct) => (await body.SendAsync(null, h, ct)).ToHttp())
            .RequireAuthorization(Policies.KeepsEnterpriseLists);
        offers.MapPut("/{id:int}", async (int id, OfferRequest body, SaveOfferHandler h, CancellationToken ct) => (await body.SendAsync(id, h, ct)).ToHttp())
            .RequireAuthorization(Policies.KeepsEnterpriseLists);

        var wishes = app.MapGroup("/api/wishes").WithTags("Employee wishes");
        wishes.MapPost("", async (StateWish body, StateWishHandler h, CancellationToken ct) => (await h.HandleAsync(body, ct)).ToHttp()).AllowAnonymous();
        wishes.MapGet("/counts", async (int? businessCommunityId, WishCountsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new WishCounts(businessCommunityId), ct))).RequireAuthorization(Policies.SeesEnterprises);
    }
}

public sealed record NeedFilter
{
    public string? Status { get; init; }
    public string? Category { get; init; }
    public int? BusinessCommunityId { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public ListNeeds ToQuery() => new(
        EnumText.Parse<NeedStatus>(Status), Category, BusinessCommunityId, Page ?? 1, PageSize ?? 20);
}

public sealed record OfferFilter
{
    public bool? Active { get; init; }
    public string? Category { get; init; }
    public string? Kind { get; init; }
    public int? BusinessCommunityId { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public ListOffers ToQuery() => new(Active ?? true, Category,
        EnumText.Parse<CivicGrid.Core.Enterprises.Offers.OfferKind>(Kind),
        BusinessCommunityId, Page ?? 1, PageSize ?? 20);
}
