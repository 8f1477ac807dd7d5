using CivicGrid.Core.Activities;

namespace CivicGrid.Core.Demo.Activities;

/// <summary>A resident the demo may make a volunteer or an attendee.</summary>
public sealed record DemoPerson(int Id, string Name, string GridCode, DateOnly BirthDate);

/// <summary>A facility the demo's activities are held at.</summary>
public sealed record DemoVenue(int Id, string GridCode);

/// <summary>The first free id of each table the demo writes.</summary>
public sealed record DemoActivityIds(int Activity, int Session, int SignUp, int Volunteer, int Hours);

public sealed record DemoActivityRows(List<Volunteer> Volunteers, List<Activity> Activities, List<ActivitySession> Sessions,
    List<SessionServer> Servers, List<ActivitySignUp> SignUps, List<HoursEntry> Hours);

/// <summary>
/// A term of activities in every community with a facility: a weekly digital-literacy class for those over 60 (eight
/// weeks held, four ahead) and a monthly job fair, night school or sports session; each served by a teacher and a
/// helper from the community's volunteers, signed up to about four fifths, attended by most who signed up, the held
/// ones confirmed with their hours credited. Deterministic for the same inputs.
/// </summary>
public static class DemoActivities
{
    private static readonly (ActivityKind Kind, string Title)[] Monthly =
        [(ActivityKind.JobFair, "社区招聘会"), (ActivityKind.NightSchool, "夜校：手机摄影"), (ActivityKind.Sports, "邻里健步走")];

    private static readonly string[] Skills = ["电脑教学", "手机使用", "理发", "维修家电", "法律咨询", "心理疏导", "书法", "健身指导", "医疗护理", "文艺演出"];

    public static DemoActivityRows Generate(IReadOnlyList<DemoPerson> people, IReadOnlyList<DemoVenue> venues, int volunteerCount, DateOnly today, DemoActivityIds ids)
    {
        var rows = new DemoActivityRows([], [], [], [], [], []);
        var now = today.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        var byCommunity = people.GroupBy(p => p.GridCode[..12]).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id).ToList());
        var venueOf = venues.GroupBy(v => v.GridCode[..12]).Where(g => byCommunity.ContainsKey(g.Key)).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Id).First());
        var perCommunity = venueOf.Count == 0 ? 0 : Math.Max(2, volunteerCount / venueOf.Count);
        var (activityId, sessionId, signUpId, volunteerId, hoursId) = (ids.Activity, ids.Session, ids.SignUp, ids.Volunteer, ids.Hours);
        var n = 0;
        foreach (var (community, venue) in venueOf.OrderBy(c => c.Key))
        {
            var here = byCommunity[community];
            var helpers = here.Where(p => Age(p, today) is >= 18 and < 75).Take(perCommunity).Select(p => new Volunteer
            {
                Id = volunteerId++, ResidentId = p.Id, GridCode = p.GridCode, Name = p.Name, Skills = Skills[(p.Id + n) % Skills.Length], RegisteredAt = now.AddDays(-200 + (p.Id % 150)),
            }).ToList();
            rows.Volunteers.AddRange(helpers);
            var helperIds = helpers.Select(v => v.ResidentId).ToHashSet();
            var elders = here.Where(p => Age(p, today) >= 60 && !helperIds.Contains(p.Id)).ToList();
            var others = here.Where(p => !helperIds.Contains(p.Id)).ToList();
            var monthly = Monthly[n++ % Monthly.Length];
            foreach (var (kind, title, rule, count, interval, capacity, pool) in new[]
            {
                (ActivityKind.Training, "数字素养课：智能手机入门", "age >= 60", 12, 7, 30, elders),
                (monthly.Kind, monthly.Title, "", 3, 28, 50, others),
            })
            {
                if (pool.Count == 0 || helpers.Count < 2)
                {
                    continue;
                }
                var activity = new Activity
                {
                    Id = activityId++, CommunityCode = community, FacilityId = venue.Id, Kind = kind, Title = title, AudienceRule = rule, Capacity = capacity,
                    Description = kind == ActivityKind.Training ? "志愿者一对一教老年人用手机挂号、付款、视频通话" : "", CreatedBy = "演示数据", CreatedAt = now.AddDays(-70),
                };
                rows.Activities.Add(activity);
                var first = today.AddDays(-7 * 8 + (int.Parse(community[^3..], System.Globalization.CultureInfo.InvariantCulture) & 3)).ToDateTime(new TimeOnly(6, 30), DateTimeKind.Utc);
                for (var i = 0; i < count; i++)
                {
                    var start = first.AddDays(i * interval);
                    var held = DateOnly.FromDateTime(start) < today;
                    var session = new ActivitySession
                    {
                        Id = sessionId++, ActivityId = activity.Id, CommunityCode = community, StartsAt = start, Minutes = 90,
                        Status = held ? SessionStatus.Held : SessionStatus.Published, ConfirmedAt = held ? start.AddHours(3) : null, ConfirmedBy = held ? "演示数据" : null,
                    };
                    rows.Sessions.Add(session);
                    var teacher = helpers[(i + activity.Id) % helpers.Count];
                    var helper = helpers[(i + activity.Id + 1) % helpers.Count];
                    rows.Servers.Add(new SessionServer { SessionId = session.Id, VolunteerId = teacher.Id, Role = ServingRole.Teacher });
                    rows.Servers.Add(new SessionServer { SessionId = session.Id, VolunteerId = helper.Id, Role = ServingRole.Helper });
                    var taken = Math.Min(pool.Count, capacity * 4 / 5);
                    for (var k = 0; k < taken; k++)
                    {
                        var person = pool[(k + i * 3) % pool.Count];
                        var came = held && (person.Id + i) % 7 != 0;
                        rows.SignUps.Add(new ActivitySignUp
                        {
                            Id = signUpId++, SessionId = session.Id, ResidentId = person.Id, CommunityCode = community, Status = RosterStatus.Confirmed,
                            SignedUpAt = start.AddDays(-3).AddMinutes(k), CheckedInAt = came ? start.AddMinutes(-5 + k % 10) : null, CheckedInBy = came ? "演示数据" : null,
                            Attended = held ? came : null, Rating = came && person.Id % 3 == 0 ? 4 + person.Id % 2 : null,
                        });
                    }
                    session.Taken = taken;
                    if (held)
                    {
                        foreach (var (v, role) in new[] { (teacher, ServingRole.Teacher), (helper, ServingRole.Helper) })
                        {
                            rows.Hours.Add(new HoursEntry
                            {
                                Id = hoursId++, VolunteerId = v.Id, GridCode = v.GridCode, Source = HoursSource.Activity, SourceId = session.Id, Minutes = session.Minutes,
                                Capacity = role.ChineseName(), CreditedAt = session.ConfirmedAt!.Value, CreditedBy = "演示数据",
                            });
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static int Age(DemoPerson p, DateOnly today) => today.Year - p.BirthDate.Year - (today.DayOfYear < p.BirthDate.DayOfYear ? 1 : 0);
}
