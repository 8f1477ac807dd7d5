using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Enterprises.Needs;
using CivicGrid.Core.Enterprises.Offers;
using FsCheck.Xunit;
using static CivicGrid.Core.Tests.Enterprises.EnterpriseWorld;

namespace CivicGrid.Core.Tests.Enterprises;

/// <summary>Arbitrary moves, most of them illegal, on a few needs sharing a credit line and a space.</summary>
public class NeedLifecycleProperties
{
    private static readonly NeedAction[] Actions = Enum.GetValues<NeedAction>().Where(a => a != NeedAction.Raise).ToArray();

    [Property(MaxTest = 300)]
    public void CapacityTakenIsAlwaysWhatTheNeedsHoldAndNeverOverTheOffer(int[] script)
    {
        var line = BankLine(wan: 1_000);
        var room = Space(places: 3);
        CommunityOffer[] offers = [line, room];
        var needs = new[]
        {
            Raised("financing", Money.TenThousandYuan(400)), Raised("financing", Money.TenThousandYuan(700)),
            Raised("space", quantity: 2), Raised("space"),
        };
        foreach (var step in script)
        {
            var bits = (uint)step;
            var need = needs[bits % 4];
            var command = Command(bits);
            var offer = (bits & 0x10000) == 0 ? offers[need.CategoryCode == StandardNeedCategories.Financing ? 0 : 1] : offers[(bits >> 17) % 2];
            var before = Snapshot(need, offers);
            var statusBefore = need.Status;

            var refusal = need.Apply(command, With(offer));

            if (refusal is null)
            {
                Assert.Equal(NeedStateMachine.Target(statusBefore, command.Action), need.Status);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(refusal));
                Assert.Equal(before, Snapshot(need, offers));
            }
            Assert.InRange(room.PlacesTaken, 0, room.Places!.Value);
            Assert.InRange(line.CreditTaken.Fen, 0, line.CreditLine!.Value.Fen);
            foreach (var o in offers)
            {
                var holding = needs.Where(n => n.OfferId == o.Id).ToList();
                Assert.Equal(holding.Sum(n => n.HeldPlaces), o.PlacesTaken);
                Assert.Equal(holding.Sum(n => n.HeldAmount.Fen), o.CreditTaken.Fen);
            }
        }
    }

    private static NeedCommand Command(uint bits) => new(Actions[(bits >> 2) % (uint)Actions.Length], "专员", (bits & 0x20) == 0 ? "说明" : null)
    {
        Amount = (bits & 0x40) == 0 ? null : Money.TenThousandYuan((bits >> 7) % 900),
        Outcome = (NeedOutcome)((bits >> 11) % 3),
        Granted = (bits & 0x4000) == 0 ? null : Money.TenThousandYuan((bits >> 20) % 1_200),
        Rating = NeedRating.Satisfied,
        CaseId = (bits & 0x8000) == 0 ? 1 : null,
    };

    private static (NeedStatus, int, int, string) Snapshot(EnterpriseNeed need, CommunityOffer[] offers) =>
        (need.Status, need.Version, need.Timeline.Count, string.Join(';', offers.Select(o => $"{o.PlacesTaken}/{o.CreditTaken.Fen}/{o.Version}")));
}
