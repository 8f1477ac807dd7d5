namespace CivicGrid.Core.Activities;

/// <summary>
/// The places of one session and its waiting list (候补): a sign-up takes a place while one is free and waits
/// otherwise; a cancelled place goes to the first on the waiting list.
/// </summary>
public static class SessionRoster
{
    public const string AlreadySignedUp = "您已报名本场活动";
    public const string NotOpen = "本场活动未在报名中";

    /// <summary>Whether a new sign-up takes a place or waits, or why it is refused.</summary>
    public static (RosterStatus? Status, string? Refusal) Join(SessionStatus session, int capacity, int taken, bool alreadyIn)
    {
        if (session != SessionStatus.Published)
        {
            return (null, NotOpen);
        }
        if (alreadyIn)
        {
            return (null, AlreadySignedUp);
        }
        return (taken < capacity ? RosterStatus.Confirmed : RosterStatus.Waiting, null);
    }

    /// <summary>
    /// The waiting sign-up that takes the place a cancellation freed: the earliest, ties by id. None when the
    /// cancelled one was itself waiting, or nobody waits.
    /// </summary>
    public static ActivitySignUp? Promoted(RosterStatus cancelled, IEnumerable<ActivitySignUp> signUps) =>
        cancelled != RosterStatus.Confirmed
            ? null
            : signUps.Where(s => s.Status == RosterStatus.Waiting).OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id).FirstOrDefault();
}
