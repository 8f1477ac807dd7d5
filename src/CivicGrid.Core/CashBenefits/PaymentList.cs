namespace CivicGrid.Core.CashBenefits;

/// <summary>
/// One street's payment list of one cash service for one month (发放名单): draft → street approved → district approved →
/// exported → closed. Lines change only in draft; the two approvals are by two different people; a closed month never
/// changes, its corrections go into the next month's list.
/// </summary>
public sealed class PaymentList
{
    private static readonly Dictionary<(PaymentListStatus From, PaymentListAction Action), PaymentListStatus> Moves = new()
    {
        [(PaymentListStatus.Draft, PaymentListAction.StreetApprove)] = PaymentListStatus.StreetApproved,
        [(PaymentListStatus.StreetApproved, PaymentListAction.DistrictApprove)] = PaymentListStatus.DistrictApproved,
        [(PaymentListStatus.StreetApproved, PaymentListAction.SendBack)] = PaymentListStatus.Draft,
        [(PaymentListStatus.DistrictApproved, PaymentListAction.SendBack)] = PaymentListStatus.Draft,
        [(PaymentListStatus.DistrictApproved, PaymentListAction.Export)] = PaymentListStatus.Exported,
        [(PaymentListStatus.Exported, PaymentListAction.Export)] = PaymentListStatus.Exported,
        [(PaymentListStatus.Exported, PaymentListAction.Close)] = PaymentListStatus.Closed,
    };

    public int Id { get; set; }
    public int ServiceItemId { get; set; }
    /// <summary>The street's 9-digit code.</summary>
    public required string StreetCode { get; set; }
    /// <summary><see cref="BenefitMonth.Index"/> of the list's month.</summary>
    public int Month { get; set; }
    public int ScheduleVersion { get; set; }
    public PaymentListStatus Status { get; set; }
    public int LineCount { get; set; }
    /// <summary>The control total (合计金额) in fen.</summary>
    public long TotalFen { get; set; }
    public DateTime BuiltAt { get; set; }
    public string? StreetApprovedBy { get; set; }
    public DateTime? StreetApprovedAt { get; set; }
    public string? DistrictApprovedBy { get; set; }
    public DateTime? DistrictApprovedAt { get; set; }
    public string? ExportedBy { get; set; }
    public DateTime? ExportedAt { get; set; }
    /// <summary>SHA-256 of the last exported bank file, hex.</summary>
    public string? ExportChecksum { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? SentBackReason { get; set; }
    public int Version { get; set; }

    public BenefitMonth ListMonth => new(Month);

    public bool MayRebuild => Status == PaymentListStatus.Draft;

    public static IEnumerable<PaymentListAction> ActionsFrom(PaymentListStatus status) =>
        Moves.Keys.Where(k => k.From == status).Select(k => k.Action);

    /// <summary>Why <paramref name="actor"/> may not make the move now, or null when the move is made.</summary>
    public string? Apply(PaymentListAction action, string actor, DateTime now, string? reason = null, int pendingLines = 0)
    {
        if (Refusal(action, actor, reason, pendingLines) is { } refusal)
        {
            return refusal;
        }
        Record(action, actor, now, reason);
        Status = Moves[(Status, action)];
        Version++;
        return null;
    }

    private string? Refusal(PaymentListAction action, string actor, string? reason, int pendingLines)
    {
        if (Status == PaymentListStatus.Closed)
        {
            return $"{ListMonth} 已对账关账，名单不能再改动；更正请在下月名单中进行";
        }
        if (!Moves.ContainsKey((Status, action)))
        {
            return $"名单当前为“{Status.ChineseName()}”，不能{action.ChineseName()}";
        }
        if (string.IsNullOrWhiteSpace(actor))
        {
            return "操作人不能为空";
        }
        return action switch
        {
            PaymentListAction.StreetApprove when LineCount == 0 => "名单没有发放对象，无需审核",
            PaymentListAction.DistrictApprove when string.Equals(actor, StreetApprovedBy, StringComparison.Ordinal) =>
                $"街道审核人“{actor}”不能再做区级审批，两级审批须由不同的人完成",
            PaymentListAction.SendBack when string.IsNullOrWhiteSpace(reason) => "退回须写明原因",
            PaymentListAction.Close when pendingLines > 0 => $"还有 {pendingLines} 笔未回盘，不能关账",
            _ => null,
        };
    }

    private void Record(PaymentListAction action, string actor, DateTime now, string? reason)
    {
        switch (action)
        {
            case PaymentListAction.StreetApprove:
                (StreetApprovedBy, StreetApprovedAt, SentBackReason) = (actor, now, null);
                break;
            case PaymentListAction.DistrictApprove:
                (DistrictApprovedBy, DistrictApprovedAt) = (actor, now);
                break;
            case PaymentListAction.SendBack:
                (StreetApprovedBy, StreetApprovedAt, DistrictApprovedBy, DistrictApprovedAt, SentBackReason) = (null, null, null, null, reason!.Trim());
                break;
            case PaymentListAction.Export:
                (ExportedBy, ExportedAt) = (actor, now);
                break;
            default:
                ClosedAt = now;
                break;
        }
    }
}
