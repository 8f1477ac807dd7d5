namespace CivicGrid.Core.Activities;

/// <summary>One volunteer to be credited for a held session, and in what capacity.</summary>
public sealed record HoursClaim(int VolunteerId, string Capacity);

/// <summary>
/// Who is credited hours when the organiser confirms a session: the serving volunteers the organiser names as present,
/// and, for a volunteer task, the volunteers among the checked-in attendees. Naming anyone else is refused: hours
/// come from attendance, never from a name typed in.
/// </summary>
public static class HoursCredit
{
    public const string Attended = "参加志愿任务";

    /// <param name="presentServers">Volunteer ids the organiser says served.</param>
    /// <param name="servers">The session's serving volunteers.</param>
    /// <param name="attendingVolunteers">Volunteer ids among the checked-in attendees.</param>
    public static (IReadOnlyList<HoursClaim> Claims, string? Refusal) Claims(IReadOnlyCollection<int> presentServers,
        IReadOnlyCollection<SessionServer> servers, IReadOnlyCollection<int> attendingVolunteers, bool volunteerTask)
    {
        var byVolunteer = servers.GroupBy(s => s.VolunteerId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Role).First().Role);
        if (presentServers.FirstOrDefault(id => !byVolunteer.ContainsKey(id)) is var stranger and > 0)
        {
            return ([], $"志愿者（编号{stranger}）未在本场服务或未出席，不能记志愿时长");
        }
        var claims = presentServers.Distinct().Select(id => new HoursClaim(id, byVolunteer[id].ChineseName())).ToList();
        if (volunteerTask)
        {
            claims.AddRange(attendingVolunteers.Distinct().Where(id => !byVolunteer.ContainsKey(id)).Select(id => new HoursClaim(id, Attended)));
        }
        return (claims, null);
    }
}
