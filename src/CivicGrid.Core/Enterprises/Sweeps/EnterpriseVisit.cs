using CivicGrid.Core.Cases;

namespace CivicGrid.Core.Enterprises.Sweeps;

/// <summary>What a runner fills in on the phone after visiting a firm: whom they met, what they heard, photos.</summary>
public sealed record VisitRequest(int EnterpriseId, int BuildingId, string MetWhom, string? Note = null)
{
    public IReadOnlyList<string> Photos { get; init; } = [];
    public const int MaxNoteLength = 1000;
}

/// <summary>
/// A runner's visit to an enterprise on a building sweep (扫楼跑企). Needs found on it are raised as list items that
/// name the visit. Made through <see cref="Record"/>, which refuses a building the runner was not given.
/// </summary>
public sealed class EnterpriseVisit
{
    public int Id { get; set; }
    public string RunnerId { get; private set; } = "";
    public int EnterpriseId { get; private set; }
    public int BuildingId { get; private set; }
    /// <summary>The enterprise's grid, so a visit is scoped like its enterprise without a lookup per visit.</summary>
    public string GridCode { get; private set; } = "";
    public DateTime At { get; private set; }
    public string MetWhom { get; private set; } = "";
    public string? Note { get; private set; }
    /// <summary>Ids of the stored photos.</summary>
    public List<string> Photos { get; set; } = [];

    /// <summary>The day of the visit in China, the day sweep plans count in.</summary>
    public DateOnly Day => DateOnly.FromDateTime(At + WorkingCalendar.ChinaOffset);

    /// <summary>Checks the visit against the runner's assignments and the enterprise's building, or returns why it is refused.</summary>
    public static (EnterpriseVisit? Visit, string? Refusal) Record(
        VisitRequest request, string runnerId, Enterprise enterprise, IEnumerable<RunnerAssignment> assignments, DateTime nowUtc)
    {
        var day = DateOnly.FromDateTime(nowUtc + WorkingCalendar.ChinaOffset);
        var refusal = request switch
        {
            _ when !assignments.Any(a => a.Covers(runnerId, request.BuildingId, day)) => "该楼宇未分配给您，不能登记走访",
            _ when enterprise.Id != request.EnterpriseId || enterprise.BuildingId != request.BuildingId => "该企业不在此楼宇办公",
            _ when string.IsNullOrWhiteSpace(request.MetWhom) => "请填写走访对象",
            { Note.Length: > VisitRequest.MaxNoteLength } => $"走访记录不超过 {VisitRequest.MaxNoteLength} 字",
            _ => null,
        };
        return refusal is not null ? (null, refusal) : (new EnterpriseVisit
        {
            RunnerId = runnerId, EnterpriseId = request.EnterpriseId, BuildingId = request.BuildingId, GridCode = enterprise.GridCode, At = nowUtc,
            MetWhom = request.MetWhom.Trim(), Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            Photos = [.. request.Photos],
        }, null);
    }
}
