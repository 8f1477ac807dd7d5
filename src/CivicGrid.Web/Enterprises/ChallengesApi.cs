using CivicGrid.App.Enterprises.Alignment;
using CivicGrid.App.Enterprises.Challenges;
using CivicGrid.Core.Enterprises.Alignment;
using CivicGrid.Core.Enterprises.Challenges;
using CivicGrid.Web.Access;
using CivicGrid.Web.Enterprises.Alignment;
using CivicGrid.Web.Enterprises.Challenges;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Enterprises;

/// <summary>
/// 揭榜挂帅 and address alignment over HTTP. Challenges are for contacts and those who see enterprises (the use cases
/// then say which challenge and which move); the alignment list is for those who see enterprises.
/// </summary>
public static class ChallengesApi
{
    public static void MapChallengesAndAlignment(this IEndpointRouteBuilder app)
    {
        var challenges = app.MapGroup("/api/challenges").WithTags("Challenges").RequireAuthorization(Policies.SeesChallenges);
        challenges.MapGet("", async ([AsParameters] ChallengeFilter f, ListChallengesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        challenges.MapPost("", async (PublishChallengeRequest body, PublishChallengeHandler h, CancellationToken ct) => (await body.SendAsync(h, ct)).ToHttp());
        challenges.MapGet("/{id:int}", async (int id, GetChallengeHandler h, CancellationToken ct) => (await h.HandleAsync(new GetChallenge(id), ct)).ToHttp());
        challenges.MapPost("/{id:int}/moves", async (int id, ChallengeMoveRequest body, MoveChallengeHandler h, CancellationToken ct) =>
            (await body.SendAsync(id, h, ct)).ToHttp());

        var alignment = app.MapGroup("/api/address-alignment").WithTags("Address alignment").RequireAuthorization(Policies.SeesEnterprises);
        alignment.MapGet("", async ([AsParameters] AlignmentFilter f, ListMisalignedHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(f.ToQuery(), ct)));
        alignment.MapGet("/progress", async (GetAlignmentProgressHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new GetAlignmentProgress(), ct)));
        alignment.MapGet("/{enterpriseId:int}", async (int enterpriseId, GetAlignmentHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new GetAlignment(enterpriseId), ct)).ToHttp());
        alignment.MapPost("/{enterpriseId:int}/steps", async (int enterpriseId, AlignmentStepRequest body, FollowUpAlignmentHandler h, CancellationToken ct) =>
            (await body.SendAsync(enterpriseId, h, ct)).ToHttp());
    }
}

public sealed record ChallengeFilter
{
    public string? Status { get; init; }
    public int? BusinessCommunityId { get; init; }
    public string? Search { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public ListChallenges ToQuery() => new(EnumText.Parse<ChallengeStatus>(Status), BusinessCommunityId, Search, Page ?? 1, PageSize ?? 20);
}

public sealed record AlignmentFilter
{
    public string? Status { get; init; }
    public int? BusinessCommunityId { get; init; }
    public string? Search { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public ListMisaligned ToQuery() => new(EnumText.Parse<AlignmentStatus>(Status), BusinessCommunityId, Search, Page ?? 1, PageSize ?? 20);
}
