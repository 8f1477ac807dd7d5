namespace CivicGrid.Core.PublicServices.Enrolment;

/// <summary>
/// One resident's standing with one service: offered, waiting for a place, enrolled, declined or ended.
/// Every change goes through <see cref="Apply"/>, which refuses moves the table does not allow.
/// </summary>
public sealed class ServiceEnrolment
{
    public int Id { get; set; }
    public int ServiceItemId { get; set; }
    public int ResidentId { get; set; }
    public required string GridCode { get; set; }
    public EnrolmentStatus Status { get; set; }
    public EnrolmentSource Source { get; set; }
    public int? FacilityId { get; set; }
    /// <summary>Waiting-list priority points (see WaitingPriority), fixed when the resident joins the list.</summary>
    public int PriorityPoints { get; set; }
    public DateTime OfferedAt { get; set; }
    /// <summary>When the resident accepted or applied: waiting time counts from here.</summary>
    public DateTime? AcceptedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? EndedAt { get; set; }
    public int Version { get; set; }

    public static ServiceEnrolment Offer(int serviceId, int residentId, string gridCode, EnrolmentSource source, DateTime at) => new()
    {
        ServiceItemId = serviceId, ResidentId = residentId, GridCode = gridCode,
        Status = EnrolmentStatus.Offered, Source = source, OfferedAt = at,
    };

    /// <summary>Applies a move; returns a Chinese reason when the move is not allowed from the current state.</summary>
    public string? Apply(EnrolmentMove move, bool limitedPlaces, string actor, DateTime at)
    {
        var next = EnrolmentTransitions.Next(Status, move.Kind, limitedPlaces);
        if (next is null)
        {
            return $"“{Status.ChineseName()}”状态下不能{move.Kind.ChineseName()}";
        }
        if (move.Kind == EnrolmentMoveKind.Allocate && move.FacilityId is null)
        {
            return "分配名额时必须指定阵地";
        }
        if (move.Kind is EnrolmentMoveKind.Accept)
        {
            AcceptedAt = at;
        }
        if (move.Kind is EnrolmentMoveKind.Reoffer)
        {
            OfferedAt = at;
            AcceptedAt = null;
            EndedAt = null;
        }
        FacilityId = move.Kind switch
        {
            EnrolmentMoveKind.Allocate => move.FacilityId,
            EnrolmentMoveKind.End or EnrolmentMoveKind.Decline or EnrolmentMoveKind.Reoffer => null,
            _ => FacilityId,
        };
        if (move.Kind == EnrolmentMoveKind.End)
        {
            EndedAt = at;
        }
        Status = next.Value;
        DecidedAt = at;
        DecidedBy = actor;
        Version++;
        return null;
    }
}
