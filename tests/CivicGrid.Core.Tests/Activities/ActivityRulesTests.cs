using CivicGrid.Core.Activities;

namespace CivicGrid.Core.Tests.Activities;

public class ActivityRulesTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ATokenReadsBackOnlyUnchangedWithItsKeyAndBeforeItExpires()
    {
        var token = CheckInToken.Issue(Key, 12, 345, Now.AddHours(2));
        Assert.Equal((TokenReading.Valid, 12, 345), CheckInToken.Read(Key, token, Now));
        Assert.Equal(TokenReading.Expired, CheckInToken.Read(Key, token, Now.AddHours(2).AddSeconds(1)).Reading);
        Assert.Equal(TokenReading.Forged, CheckInToken.Read(Key.Reverse().ToArray(), token, Now).Reading);
        // Every other session, resident or expiry under the same seal is a forgery.
        var parts = token.Split('.');
        foreach (var i in new[] { 1, 2, 3 })
        {
            var changed = (string[])parts.Clone();
            changed[i] = changed[i] + "1";
            Assert.Equal(TokenReading.Forged, CheckInToken.Read(Key, string.Join('.', changed), Now).Reading);
        }
        Assert.Equal(TokenReading.Malformed, CheckInToken.Read(Key, "not a token", Now).Reading);
        Assert.Equal(TokenReading.Malformed, CheckInToken.Read(Key, null, Now).Reading);
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(3, 7, 5)]
    [InlineData(52, 1, 1)]
    public void ASeriesHasItsCountOfSessionsAtItsInterval(int count, int interval, int _)
    {
        var first = new DateTime(2026, 12, 1, 14, 0, 0);
        var starts = new SessionSeries(first, 90, count, Math.Max(interval, 1)).Starts();
        Assert.Equal(count, starts.Count);
        Assert.All(starts.Select((s, i) => (s, i)), x => Assert.Equal(first.AddDays(x.i * Math.Max(interval, 1)), x.s));
    }

    [Fact]
    public void ABadSeriesNamesItsField()
    {
        Assert.Equal("count", new SessionSeries(new DateTime(2026, 12, 1), 90, 0).Refusal()!.Value.Field);
        Assert.Equal("minutes", new SessionSeries(new DateTime(2026, 12, 1), 5, 3).Refusal()!.Value.Field);
        Assert.Null(new SessionSeries(new DateTime(2026, 12, 1), 90, 10).Refusal());
    }

    [Fact]
    public void TheWaitingListPromotesTheEarliestOnlyWhenAPlaceIsFreed()
    {
        var t = new DateTime(2026, 11, 1);
        var list = new[]
        {
            new ActivitySignUp { Id = 3, CommunityCode = "x", Status = RosterStatus.Waiting, SignedUpAt = t.AddMinutes(5) },
            new ActivitySignUp { Id = 2, CommunityCode = "x", Status = RosterStatus.Waiting, SignedUpAt = t.AddMinutes(1) },
            new ActivitySignUp { Id = 1, CommunityCode = "x", Status = RosterStatus.Confirmed, SignedUpAt = t },
        };
        Assert.Equal(2, SessionRoster.Promoted(RosterStatus.Confirmed, list)!.Id);
        Assert.Null(SessionRoster.Promoted(RosterStatus.Waiting, list));
        Assert.Equal((RosterStatus.Waiting, (string?)null), SessionRoster.Join(SessionStatus.Published, 1, 1, false));
        Assert.Equal((RosterStatus.Confirmed, (string?)null), SessionRoster.Join(SessionStatus.Published, 2, 1, false));
        Assert.Equal(SessionRoster.NotOpen, SessionRoster.Join(SessionStatus.Draft, 2, 0, false).Refusal);
    }

    [Fact]
    public void EveryStatusAndMoveIsEitherInTheTableOrRefusedInChinese()
    {
        var day = new DateOnly(2026, 11, 23);
        foreach (var from in Enum.GetValues<SessionStatus>())
        {
            foreach (var action in Enum.GetValues<SessionAction>())
            {
                var (to, refusal) = SessionStateMachine.Apply(from, action, day, day);
                Assert.True(to is null != refusal is null);
                Assert.Equal(SessionStateMachine.ActionsFrom(from).Contains(action), to is not null);
            }
        }
        Assert.NotNull(SessionStateMachine.Apply(SessionStatus.Published, SessionAction.ConfirmAttendance, day.AddDays(1), day).Refusal);
    }

    [Fact]
    public void HoursGoOnlyToServersNamedAndToAttendingVolunteersOfAVolunteerTask()
    {
        SessionServer[] servers = [new() { VolunteerId = 1, Role = ServingRole.Teacher }, new() { VolunteerId = 2, Role = ServingRole.Helper }];
        Assert.NotNull(HoursCredit.Claims([1, 9], servers, [], false).Refusal);
        Assert.Equal([1], HoursCredit.Claims([1], servers, [7], false).Claims.Select(c => c.VolunteerId));
        Assert.Equal([1, 7], HoursCredit.Claims([1], servers, [7, 2], true).Claims.Select(c => c.VolunteerId));
    }
}
