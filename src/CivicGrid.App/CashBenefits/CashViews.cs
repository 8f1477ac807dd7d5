using CivicGrid.Core.CashBenefits;

namespace CivicGrid.App.CashBenefits;

public sealed record TierView(string Rule, long AmountFen, string Amount);

public sealed record ScheduleView(
    string ServiceCode, int Version, IReadOnlyList<TierView> Tiers, BenefitPeriod Period, BenefitStart Start,
    string EffectiveFrom, int ArrearsMonths, bool StopsOnMoveOut, string Author, DateTime CreatedAt);

public sealed record StopView(int ResidentId, string Name, StopReason Reason, string ReasonText);

public sealed record PaymentListView(
    int Id, string ServiceCode, string StreetCode, string Month, PaymentListStatus Status, string StatusText,
    int LineCount, long TotalFen, string Total, int ArrearsLines, int Paid, int Failed, int Pending,
    string? StreetApprovedBy, string? DistrictApprovedBy, string? ExportChecksum, string? SentBackReason, int Version,
    IReadOnlyList<StopView> Stops);

public sealed record PaymentLineView(
    int Id, int ResidentId, string Name, string Period, long AmountFen, string Amount, bool Arrears,
    PaymentLineStatus Status, string? FailureReason, bool Overpaid, string? AccountMasked, DateTime? FixedAt);

/// <summary>One payment as the resident sees it on their own page.</summary>
public sealed record OwnPaymentView(string Service, string Month, string Period, string Amount, PaymentLineStatus Status, string StatusText, string? FailureReason);
