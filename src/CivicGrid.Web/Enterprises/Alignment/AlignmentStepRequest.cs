using CivicGrid.App.Data;
using CivicGrid.App.Enterprises.Alignment;
using CivicGrid.Core.Enterprises.Alignment;

namespace CivicGrid.Web.Enterprises.Alignment;

/// <summary>One step of a firm's follow-up as the form or API sends it.</summary>
public sealed record AlignmentStepRequest(string? Action, string? Note = null)
{
    public async Task<Outcome<AlignmentView>> SendAsync(int enterpriseId, FollowUpAlignmentHandler handler, CancellationToken ct) =>
        EnumText.Parse<AlignmentAction>(Action) is { } action
            ? await handler.HandleAsync(new FollowUpAlignment(enterpriseId, action, Note), ct)
            : Outcome<AlignmentView>.Invalid("action", "未知的跟进操作");
}
