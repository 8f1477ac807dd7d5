namespace CivicGrid.Core.PublicServices.Enrolment;

/// <summary>What may happen to an enrolment.</summary>
public enum EnrolmentMoveKind
{
    /// <summary>The resident (or staff for them) accepts the offer or applies.</summary>
    Accept,
    Decline,
    /// <summary>A place at a facility is given to someone on the waiting list.</summary>
    Allocate,
    /// <summary>The service stops (left, moved out, died); a place is released.</summary>
    End,
    /// <summary>Offer again after a refusal or an end.</summary>
    Reoffer,
}

public sealed record EnrolmentMove(EnrolmentMoveKind Kind, int? FacilityId = null);

/// <summary>The enrolment state table: (state, move) → state; a limited service waits for a place on acceptance.</summary>
public static class EnrolmentTransitions
{
    public static EnrolmentStatus? Next(EnrolmentStatus from, EnrolmentMoveKind move, bool limitedPlaces) => (from, move) switch
    {
        (EnrolmentStatus.Offered, EnrolmentMoveKind.Accept) => limitedPlaces ? EnrolmentStatus.Waiting : EnrolmentStatus.Enrolled,
        (EnrolmentStatus.Offered or EnrolmentStatus.Waiting, EnrolmentMoveKind.Decline) => EnrolmentStatus.Declined,
        (EnrolmentStatus.Waiting, EnrolmentMoveKind.Allocate) => EnrolmentStatus.Enrolled,
        (EnrolmentStatus.Enrolled or EnrolmentStatus.Waiting or EnrolmentStatus.Offered, EnrolmentMoveKind.End) => EnrolmentStatus.Ended,
        (EnrolmentStatus.Declined or EnrolmentStatus.Ended, EnrolmentMoveKind.Reoffer) => EnrolmentStatus.Offered,
        _ => null,
    };

    public static string ChineseName(this EnrolmentMoveKind move) => move switch
    {
        EnrolmentMoveKind.Accept => "接受",
        EnrolmentMoveKind.Decline => "拒绝",
        EnrolmentMoveKind.Allocate => "分配名额",
        EnrolmentMoveKind.End => "结束服务",
        _ => "重新推送",
    };
}
