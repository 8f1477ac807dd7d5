using CivicGrid.Core.Enterprises.Offers;

namespace CivicGrid.Core.Enterprises.Needs;

/// <summary>
/// One item of what enterprises need (企业所需): raised by the enterprise or found on a visit, matched to a community
/// offer, followed to an outcome and rated, or handed to the case loop when no offer can meet it. Every change goes
/// through <see cref="Apply"/>, which checks the move against <see cref="NeedStateMachine"/> and its guards, moves the
/// offer's capacity in step and appends one entry to the timeline.
/// </summary>
public sealed class EnterpriseNeed
{
    public int Id { get; set; }
    public int EnterpriseId { get; private set; }
    public string CategoryCode { get; private set; } = "";
    public string Description { get; set; } = "";
    public NeedSource Source { get; private set; }
    public Money? RequestedAmount { get; private set; }
    public int Quantity { get; private set; } = 1;
    /// <summary>Where the need is when not the enterprise's own building.</summary>
    public int? BuildingId { get; private set; }
    public int? VisitId { get; private set; }

    public NeedStatus Status { get; private set; } = NeedStatus.Raised;
    public DateTime RaisedAt { get; private set; }
    public string RaisedBy { get; private set; } = "";
    /// <summary>The offer of the current match, or of the match the outcome was recorded on.</summary>
    public int? OfferId { get; private set; }
    /// <summary>What the current match holds on its offer (places always; an amount on a credit line).</summary>
    public int HeldPlaces { get; private set; }
    public Money HeldAmount { get; private set; }
    public DateTime? MatchedAt { get; private set; }
    public int? CaseId { get; private set; }
    public NeedOutcome? Outcome { get; private set; }
    public Money? GrantedAmount { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public NeedRating? Rating { get; private set; }
    public DateTime? RatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public List<NeedEvent> Timeline { get; set; } = [];

    public bool IsOpen => NeedNames.Open.Contains(Status);

    /// <summary>Time to resolve, for the business community's figures.</summary>
    public TimeSpan? TimeToResolve => ResolvedAt - RaisedAt;

    /// <summary>Checks the request and starts the need, or returns why it is refused and on which field.</summary>
    public static (EnterpriseNeed? Need, FieldRefusal? Refusal) Raise(NeedRequest request, NeedCategory? category, string actor, DateTime nowUtc)
    {
        if (NeedGuards.Request(request, category) is { } refusal)
        {
            return (null, refusal);
        }
        var need = new EnterpriseNeed
        {
            EnterpriseId = request.EnterpriseId, CategoryCode = request.CategoryCode, Description = request.Description.Trim(),
            Source = request.Source, RequestedAmount = request.Amount, Quantity = request.Quantity,
            BuildingId = request.BuildingId, VisitId = request.VisitId, RaisedAt = nowUtc, RaisedBy = actor,
        };
        need.Record(new NeedCommand(NeedAction.Raise, actor, need.Source.ChineseName()), NeedStatus.Raised, nowUtc, null, null);
        return (need, null);
    }

    /// <summary>Applies a move, or returns why it is refused (in Chinese) and leaves the need and the offer untouched.</summary>
    public string? Apply(NeedCommand command, NeedContext context)
    {
        var target = NeedStateMachine.Target(Status, command.Action);
        if (target is null)
        {
            return NeedStateMachine.Refusal(Status, command.Action);
        }
        var refusal = NeedGuards.Check(this, command, context);
        if (refusal is not null)
        {
            return refusal;
        }
        var heldBefore = OfferId;
        var amount = Effect(command, context);
        Record(command, target.Value, context.NowUtc, OfferId ?? heldBefore, amount);
        return null;
    }

    /// <summary>The moves the table allows now, for showing the buttons that can work.</summary>
    public IEnumerable<NeedAction> AvailableActions() => NeedStateMachine.ActionsFrom(Status);

    /// <summary>
    /// The amount a match with <paramref name="offer"/> holds: nothing for an offer that is not a credit line, else the
    /// amount staff chose or the amount asked; null when a credit line meets a need that asked for no amount.
    /// </summary>
    public Money? AmountToHold(CommunityOffer offer, Money? chosen = null) =>
        offer.CreditLine is null ? Money.Zero : chosen ?? RequestedAmount;

    private Money? Effect(NeedCommand command, NeedContext context)
    {
        switch (command.Action)
        {
            case NeedAction.Match:
                var amount = AmountToHold(context.Offer!, command.Amount)!.Value;
                context.Offer!.Take(Quantity, amount);
                (OfferId, HeldPlaces, HeldAmount, MatchedAt) = (context.Offer.Id, Quantity, amount, context.NowUtc);
                return amount;
            case NeedAction.Release:
            case NeedAction.Withdraw when OfferId is not null:
                var released = HeldAmount;
                context.Offer!.GiveBack(HeldPlaces, HeldAmount);
                (OfferId, HeldPlaces, HeldAmount, MatchedAt) = (null, 0, Money.Zero, null);
                return released;
            case NeedAction.Escalate:
                CaseId = command.CaseId;
                return null;
            case NeedAction.RecordOutcome:
                return Resolve(command, context);
            case NeedAction.Rate:
                (Rating, RatedAt) = (command.Rating, context.NowUtc);
                return null;
            default:
                return null;
        }
    }

    /// <summary>The outcome replaces the match's hold by what was really used: the loan granted, the places kept unless nothing came of it.</summary>
    private Money? Resolve(NeedCommand command, NeedContext context)
    {
        (Outcome, GrantedAmount, ResolvedAt) = (command.Outcome, command.Granted, context.NowUtc);
        if (OfferId is null)
        {
            return command.Granted;
        }
        var granted = command.Outcome == NeedOutcome.NotMet ? Money.Zero : command.Granted ?? Money.Zero;
        var places = command.Outcome == NeedOutcome.NotMet ? 0 : HeldPlaces;
        // A loan above the hold (within the line's remainder) gives back a negative amount: the line is drawn further.
        context.Offer!.GiveBack(HeldPlaces - places, HeldAmount - granted);
        (HeldPlaces, HeldAmount) = (places, granted);
        return granted;
    }

    private void Record(NeedCommand command, NeedStatus target, DateTime at, int? offerId, Money? amount)
    {
        Timeline.Add(new NeedEvent
        {
            NeedId = Id, At = at, Action = command.Action, From = Status, To = target, Actor = command.Actor,
            Note = Note(command), OfferId = offerId, Amount = amount is { IsPositive: true } ? amount : null,
        });
        Status = target;
        UpdatedAt = at;
        Version++;
    }

    private static string? Note(NeedCommand command) => command switch
    {
        { Action: NeedAction.Rate, Rating: { } r } => Join(r.ChineseName(), command.Note),
        { Action: NeedAction.RecordOutcome, Outcome: { } o } => Join(o.ChineseName(), command.Note),
        _ => command.Note,
    };

    private static string Join(string head, string? tail) => string.IsNullOrWhiteSpace(tail) ? head : $"{head}：{tail}";
}
