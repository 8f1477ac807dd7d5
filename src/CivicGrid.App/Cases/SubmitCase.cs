using System.Security.Cryptography;
using System.Text.Json;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Audit;
using CivicGrid.Core.Access;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Geography;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// Raises a need or complaint (提交诉求): by a resident on a phone, by a grid worker for a resident met on a visit, or by
/// an integration through Open311. Either a point on the map or a known address places it in a grid.
/// </summary>
public sealed record SubmitCase(string ItemCode, string Description, double? Latitude, double? Longitude, string? Address)
{
    public IReadOnlyList<string> Attachments { get; init; } = [];
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    /// <summary>Set by the Open311 interface; everything else submits as the signed-in account.</summary>
    public bool ThroughOpen311 { get; init; }
    /// <summary>
    /// Set by a project's blocker (项目堵点): the case lies at the project's site, which a service group's cadre follows
    /// wherever in the district it is, outside any territorial jurisdiction.
    /// </summary>
    public bool AtProjectSite { get; init; }

    public GeoPoint? Point => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;
}

public sealed record SubmittedCase(int Id, string Token, string Status, string GridCode);

public sealed class SubmitCaseHandler(CivicGridDbContext db, CaseReference reference, CaseLocator locator, PersonalDataProtector protector, CaseIntake intake)
{
    public async Task<Outcome<SubmittedCase>> HandleAsync(SubmitCase command, CancellationToken ct)
    {
        var who = db.Jurisdiction;
        if (!command.ThroughOpen311 && who.UserId is null)
        {
            return Outcome<SubmittedCase>.Forbidden("请先登录");
        }
        var snapshot = await reference.GetAsync(db, ct);
        var errors = SubmitCaseValidation.Check(command, snapshot, out var item);
        var place = errors.Count == 0 ? await locator.LocateAsync(db, command.Point, command.Address, ct) : null;
        if (errors.Count == 0 && place is null)
        {
            errors["Location"] = [command.Point is null ? "无法根据地址确定所在网格，请在地图上标注位置" : "该位置不在本区任何网格内"];
        }
        if (errors.Count == 0 && !who.Role.May(Permission.ActForOwnHousehold) && !command.ThroughOpen311 && !command.AtProjectSite
            && !who.Covers(place!.GridCode) && !place.GridCode.StartsWith(who.PlaceScopeCode, StringComparison.Ordinal))
        {
            errors["Location"] = ["该位置不在您的管辖范围内"];
        }
        var attachments = errors.Count == 0 ? await ClaimAttachmentsAsync(command, errors, ct) : [];
        if (errors.Count > 0)
        {
            return Outcome<SubmittedCase>.Invalid(errors);
        }
        var c = Draft(command, who, place!);
        var receipt = c.Receive(snapshot.Rules(item!.Code, db.Clock.GetUtcNow().UtcDateTime), command.ThroughOpen311 ? "Open311" : who.ActorLabel());
        receipt.Attachments = attachments.Count == 0 ? null : string.Join(',', attachments);
        await intake.WriteAsync(new NewCase(c, receipt, attachments, who.ActorName, who.ClientAddress, AuditEntry.Truncate(db.Clock.GetUtcNow())));
        return Outcome<SubmittedCase>.Ok(new SubmittedCase(c.Id, c.Token!, c.Status.ToString(), c.GridCode));
    }

    private Case Draft(SubmitCase command, IJurisdiction who, CaseLocator.Place place)
    {
        var phone = command.ContactPhone is { Length: > 0 } p && PhoneNumber.TryNormalise(p, out var normalised, out _) ? normalised : null;
        return new Case
        {
            ItemCode = command.ItemCode,
            GridCode = place.GridCode,
            // Numbers typed into this free text are masked by the write rules, as on every path.
            Description = command.Description.Trim(),
            Address = command.Address?.Trim(),
            Latitude = place.Point?.Latitude,
            Longitude = place.Point?.Longitude,
            Source = command.ThroughOpen311 ? CaseSource.Open311 : who.Role == StaffRole.Resident ? CaseSource.Resident : CaseSource.Visit,
            SubmitterId = command.ThroughOpen311 ? null : who.UserId,
            ContactName = command.ContactName?.Trim(),
            ContactEmail = command.ContactEmail?.Trim(),
            ContactPhoneCipher = phone is null ? null : protector.Encrypt(phone),
            ContactPhoneMasked = phone is null ? null : PersonalDataMask.Phone(phone),
            AttributesJson = command.Answers.Count == 0 ? null : JsonSerializer.Serialize(command.Answers),
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
    }

    /// <summary>The ids of the caller's unclaimed uploads the case names; the intake claims them with the case.</summary>
    private async Task<List<string>> ClaimAttachmentsAsync(SubmitCase command, FieldErrors errors, CancellationToken ct)
    {
        if (command.Attachments.Count == 0)
        {
            return [];
        }
        var ids = command.Attachments.Distinct().ToList();
        var actor = db.Jurisdiction.ActorName;
        var found = await db.CaseAttachments.AsNoTracking().Where(a => ids.Contains(a.Id) && a.CaseId == null && a.UploadedBy == actor).Select(a => a.Id).ToListAsync(ct);
        if (found.Count != ids.Count)
        {
            errors["Attachments"] = ["附件不存在或已被使用，请重新上传"];
        }
        return found;
    }
}

internal static class SubmitCaseValidation
{
    public static FieldErrors Check(SubmitCase command, CaseReferenceSnapshot snapshot, out DeliberationItem? item)
    {
        var errors = new FieldErrors();
        if (!snapshot.Items.TryGetValue(command.ItemCode ?? "", out item) || !item.Active)
        {
            errors["ItemCode"] = ["请从议事清单中选择事项"];
        }
        var description = command.Description?.Trim() ?? "";
        if (description.Length is < 5 or > 2000)
        {
            errors["Description"] = ["请用 5 到 2000 字描述诉求"];
        }
        if (command.Point is null && string.IsNullOrWhiteSpace(command.Address))
        {
            errors["Location"] = ["请在地图上标注位置或填写地址"];
        }
        if (command.Address?.Length > 200)
        {
            errors["Address"] = ["地址不能超过 200 字"];
        }
        if (command.Attachments.Count > 9)
        {
            errors["Attachments"] = ["最多上传 9 张图片"];
        }
        if (command.ContactName?.Length > 50)
        {
            errors["ContactName"] = ["联系人姓名不能超过 50 字"];
        }
        if (command.ContactPhone is { Length: > 0 } phone && !PhoneNumber.TryNormalise(phone, out _, out var reason))
        {
            errors["ContactPhone"] = [reason];
        }
        if (command.ContactEmail is { Length: > 0 } email && (email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            errors["ContactEmail"] = ["电子邮箱格式不正确"];
        }
        foreach (var question in item?.Attributes ?? [])
        {
            if (question.Check(command.Answers.GetValueOrDefault(question.Code)) is { } problem)
            {
                errors[$"Answers.{question.Code}"] = [problem];
            }
        }
        return errors;
    }
}
