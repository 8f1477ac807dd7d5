using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Security;
using CivicGrid.App.PublicServices.Offers;
using CivicGrid.App.PublicServices.Rules;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.PublicServices.Registration;

/// <summary>
/// Registers a resident who moved in or was born (入户登记) into an existing household. The registration is a life
/// event (birth for a child under one, moving in otherwise), and every proactive service the household now qualifies
/// for is offered at once, in the same transaction.
/// </summary>
public sealed record RegisterResident(
    string Name, string IdNumber, string? Phone, string HouseholdCode, string Relation, string ResidenceType,
    DateOnly? MoveInDate, IReadOnlyList<string> Tags);

public sealed record Registered(int ResidentId, int LifeEventId, int Offers);

public sealed class RegisterResidentHandler(CivicGridDbContext db, PersonalDataProtector protector, Eligibility eligibility, OfferWriter offers)
{
    public async Task<Outcome<Registered>> HandleAsync(RegisterResident command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.ManagesPeople())
        {
            return Outcome<Registered>.Forbidden("当前角色无权登记居民");
        }
        // A JSON body may leave out any field; absent text is empty text, so validation names it instead of failing.
        command = command with
        {
            Name = command.Name ?? "", IdNumber = command.IdNumber ?? "", HouseholdCode = command.HouseholdCode ?? "",
            Relation = command.Relation ?? "", ResidenceType = command.ResidenceType ?? "", Tags = command.Tags ?? [],
        };
        var (errors, values) = await ValidateAsync(command, ct);
        if (values is null)
        {
            return Outcome<Registered>.Invalid(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var resident = NewResident(command, values);
        db.Residents.Add(resident);
        await db.SaveChangesAsync(ct);
        var today = db.Clock.Today();
        var kind = resident.AgeOn(today) < 1 ? LifeEventKind.Birth : LifeEventKind.MoveIn;
        var recorded = LifeEvents.LifeEventLog.Add(db, resident, kind, kind == LifeEventKind.Birth ? resident.BirthDate : resident.MoveInDate ?? today, derived: false);
        var offered = await OfferDueServicesAsync(resident.Id, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Registered>.Ok(new Registered(resident.Id, recorded.Id, offered));
    }

    private async Task<int> OfferDueServicesAsync(int residentId, CancellationToken ct)
    {
        var eligible = await eligibility.ForHouseholdOfAsync(residentId, ct);
        var grids = await (await db.HouseholdOfAsync(residentId, ct)).Residents.Where(r => eligible.Keys.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.GridCode, ct);
        var offered = 0;
        foreach (var group in eligible.SelectMany(m => m.Value.Where(r => r.Mode != DeliveryMode.OnApplication).Select(r => (Member: m.Key, Rule: r))).GroupBy(x => x.Rule.ServiceId))
        {
            var service = await db.ServiceItems.AsNoTracking().FirstAsync(s => s.Id == group.Key, ct);
            offered += await offers.OfferAsync(service, group.Select(x => new OfferTarget(x.Member, grids[x.Member])).ToList(), EnrolmentSource.Proactive, ct);
        }
        return offered;
    }

    private sealed record Values(IdNumber Id, string? Phone, int HouseholdId, string GridCode, HouseholdRelation Relation, ResidenceType Residence, List<Tag> Tags);

    private async Task<(FieldErrors Errors, Values? Values)> ValidateAsync(RegisterResident c, CancellationToken ct)
    {
        var errors = new FieldErrors();
        void Fail(string field, string reason) => errors[field] = [reason];
        if (c.Name.Trim().Length is 0 or > 50) Fail(nameof(c.Name), "姓名必填，最多50个字符");
        else if (c.Name.Trim()[0] is '=' or '+' or '-' or '@') Fail(nameof(c.Name), "姓名不能以 = + - @ 开头（疑似公式）");
        if (!Core.People.IdNumber.TryParse(c.IdNumber, out var id, out var idReason)) Fail(nameof(c.IdNumber), idReason);
        else if (await db.DistrictChecks().Residents.AnyAsync(r => r.IdNumberHash == protector.Hash(id.Value), ct)) Fail(nameof(c.IdNumber), "该身份证号已登记");
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(c.Phone) && !PhoneNumber.TryNormalise(c.Phone, out phone, out var phoneReason)) Fail(nameof(c.Phone), phoneReason);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Code == c.HouseholdCode.Trim(), ct);
        if (household is null) Fail(nameof(c.HouseholdCode), "未找到该户（或不在您的管辖范围内）");
        if (!HouseholdRelations.TryParse(c.Relation, out var relation)) Fail(nameof(c.Relation), "与户主关系不正确");
        if (!ResidenceTypes.TryParse(c.ResidenceType, out var residence)) Fail(nameof(c.ResidenceType), "居住类型应为户籍、常住或流动");
        if (c.MoveInDate > db.Clock.Today()) Fail(nameof(c.MoveInDate), "迁入日期不能晚于今天");
        if (c.Tags.Any(t => t is null)) Fail(nameof(c.Tags), "标签列表不能含有空值（null）");
        var wanted = c.Tags.Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct().ToList();
        var tags = await db.Tags.Where(t => wanted.Contains(t.Name)).ToListAsync(ct);
        if (tags.Count < wanted.Count) Fail(nameof(c.Tags), $"未知标签：{string.Join("、", wanted.Except(tags.Select(t => t.Name)))}");
        return errors.Count > 0 ? (errors, null) : (errors, new Values(id!, phone, household!.Id, household.GridCode, relation, residence, tags));
    }

    private Resident NewResident(RegisterResident c, Values v) => new()
    {
        Name = c.Name.Trim(),
        IdNumberCipher = protector.Encrypt(v.Id.Value),
        IdNumberHash = protector.Hash(v.Id.Value),
        IdNumberMasked = PersonalDataMask.IdNumber(v.Id.Value),
        IdLast4 = v.Id.Last4,
        BirthDate = v.Id.BirthDate,
        Gender = v.Id.Gender,
        PhoneCipher = v.Phone is null ? null : protector.Encrypt(v.Phone),
        PhoneHash = v.Phone is null ? null : protector.Hash(v.Phone),
        PhoneMasked = v.Phone is null ? null : PersonalDataMask.Phone(v.Phone),
        ResidenceType = v.Residence,
        MoveInDate = c.MoveInDate ?? db.Clock.Today(),
        HouseholdId = v.HouseholdId,
        Relation = v.Relation,
        GridCode = v.GridCode,
        Tags = v.Tags,
    };
}
