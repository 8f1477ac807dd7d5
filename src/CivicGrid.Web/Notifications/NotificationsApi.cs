using CivicGrid.App.Notifications;
using CivicGrid.Web.Access;
using CivicGrid.Web.Hosting;

namespace CivicGrid.Web.Notifications;

public sealed record AddWebhookRequest(string Name, string Url);

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/inbox").WithTags("Inbox").RequireAuthorization();
        inbox.MapGet("/", async (int? page, int? pageSize, ListInboxHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.HandleAsync(new ListInbox(page ?? 1, pageSize ?? 20), ct)));
        inbox.MapPost("/{id:long}/read", async (long id, MarkInboxReadHandler h, CancellationToken ct) => (await h.HandleAsync(new MarkInboxRead(id), ct)).ToHttp());
        inbox.MapPost("/read-all", async (MarkInboxReadHandler h, CancellationToken ct) => (await h.HandleAsync(new MarkInboxRead(), ct)).ToHttp());

        var hooks = app.MapGroup("/api/admin/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.DistrictAdmin);
        hooks.MapGet("/", async (ManageWebhooksHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)));
        hooks.MapPost("/", async (AddWebhookRequest body, ManageWebhooksHandler h, CancellationToken ct) =>
            (await h.HandleAsync(new AddWebhook(body.Name, body.Url), ct)).ToHttp());
        hooks.MapPost("/{id:int}/deactivate", async (int id, ManageWebhooksHandler h, CancellationToken ct) => (await h.HandleAsync(new DeactivateWebhook(id), ct)).ToHttp());
        hooks.MapDelete("/{id:int}", async (int id, ManageWebhooksHandler h, CancellationToken ct) => (await h.HandleAsync(new DeleteWebhook(id), ct)).ToHttp());
        hooks.MapGet("/outbox", async (OutboxStatusHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(new GetOutboxStatus(), ct)));
        return app;
    }
}
