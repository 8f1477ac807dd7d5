using System.Net.Mail;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Territory;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts;

/// <summary>
/// What an administrator types for an account, as sent: every value may be missing or wrong and is named if so. On an
/// edit a null phone keeps the stored one (which pages only show masked) and an empty one removes it.
/// </summary>
public sealed record AccountFields(string? DisplayName, string? Role, string? ScopeCode, string? DepartmentCode, string? Phone, string? Email)
{
    /// <summary>The business community of business-community staff and runners.</summary>
    public int? BusinessCommunityId { get; init; }
    /// <summary>The unified social credit code of an enterprise contact's enterprise.</summary>
    public string? CreditCode { get; init; }
    /// <summary>The special service group (专项服务组) of a project cadre.</summary>
    public int? ServiceGroupId { get; init; }
}

/// <summary>The fields once checked: a role, an existing node that fits it, a department for a handler, a normalised phone.</summary>
public sealed record CheckedAccountFields(string DisplayName, StaffRole Role, string ScopeCode, string? DepartmentCode, string? Phone, string? Email)
{
    public bool KeepsPhone { get; init; }
    public int? EnterpriseId { get; init; }
    public int? BusinessCommunityId { get; init; }
    public int? ServiceGroupId { get; init; }
}

public static class AccountFieldChecks
{
    public const int MaxNameLength = 50;

    /// <summary>Checks every field against the input rules and the database; <paramref name="accountId"/> is the account being edited, whose own phone is no duplicate.</summary>
    public static async Task<(CheckedAccountFields? Fields, FieldErrors Errors)> CheckAsync(
        CivicGridDbContext db, PersonalDataProtector protector, AccountFields f, string? accountId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = f.DisplayName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(f.DisplayName)] = ["请填写姓名"];
        }
        else if (name.Length > MaxNameLength)
        {
            errors[nameof(f.DisplayName)] = [$"姓名不能超过 {MaxNameLength} 个字"];
        }
        var role = ParseRole(f.Role, errors);
        var ties = role?.TiedToEnterprises() == true ? await AccountEnterpriseTies.CheckAsync(db, f, role.Value, errors, ct) : null;
        var scope = ties?.ScopeCode ?? (role?.TiedToEnterprises() == true ? null : await CheckScopeAsync(db, f.ScopeCode?.Trim(), role, errors, ct));
        var department = await CheckDepartmentAsync(db, f.DepartmentCode?.Trim(), role, errors, ct);
        var group = await CheckServiceGroupAsync(db, f.ServiceGroupId, role, errors, ct);
        var phone = await CheckPhoneAsync(db, protector, f.Phone, accountId, errors, ct);
        var email = string.IsNullOrWhiteSpace(f.Email) ? null : f.Email.Trim();
        if (email is not null && (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors[nameof(f.Email)] = ["电子邮箱格式不正确"];
        }
        return errors.Count > 0 ? (null, errors)
            : (new CheckedAccountFields(name, role!.Value, scope!, department, phone, email)
            {
                KeepsPhone = accountId is not null && f.Phone is null, EnterpriseId = ties?.EnterpriseId, BusinessCommunityId = ties?.BusinessCommunityId,
                ServiceGroupId = group,
            }, errors);
    }

    private static StaffRole? ParseRole(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["Role"] = ["请选择角色"];
            return null;
        }
        if (!text.Trim().All(char.IsAsciiLetter) || !Enum.TryParse<StaffRole>(text.Trim(), ignoreCase: true, out var role))
        {
            errors["Role"] = [$"未知角色“{text}”"];
            return null;
        }
        return role;
    }

    private static async Task<string?> CheckScopeAsync(CivicGridDbContext db, string? code, StaffRole? role, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors["ScopeCode"] = ["请选择所属区划"];
            return null;
        }
        // Nodes outside the actor's subtree are named as such rather than as missing: codes are no secret, the reason helps.
        var node = await db.PublicGeography().TerritoryNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Code == code, ct);
        if (node is null)
        {
            errors["ScopeCode"] = [$"区划编码“{code}”不存在"];
            return null;
        }
        if (role?.LevelFor() is { } level && node.Level != level)
        {
            errors["ScopeCode"] = [$"{role.Value.ChineseName()}的所属区划应为{level.ChineseName()}，“{node.Name}”是{node.Level.ChineseName()}"];
            return null;
        }
        return code;
    }

    /// <summary>A project cadre works in one service group, which must exist; nobody else is bound to one.</summary>
    private static async Task<int?> CheckServiceGroupAsync(CivicGridDbContext db, int? id, StaffRole? role, FieldErrors errors, CancellationToken ct)
    {
        if (role != StaffRole.ProjectCadre)
        {
            return null;
        }
        if (id is null || !await db.Set<Core.Projects.ServiceGroup>().AnyAsync(g => g.Id == id, ct))
        {
            errors[nameof(AccountFields.ServiceGroupId)] = [id is null ? "项目服务专员须选择所属专项服务组" : "找不到该专项服务组"];
            return null;
        }
        return id;
    }

    private static async Task<string?> CheckDepartmentAsync(CivicGridDbContext db, string? code, StaffRole? role, FieldErrors errors, CancellationToken ct)
    {
        if (role != StaffRole.DepartmentHandler)
        {
            return null;
        }
        if (string.IsNullOrEmpty(code))
        {
            errors["DepartmentCode"] = ["职能部门经办人须选择所属部门"];
            return null;
        }
        if (!await db.Departments.AnyAsync(d => d.Code == code, ct))
        {
            errors["DepartmentCode"] = [$"部门编码“{code}”不存在"];
            return null;
        }
        return code;
    }

    private static async Task<string?> CheckPhoneAsync(CivicGridDbContext db, PersonalDataProtector protector, string? text, string? accountId, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!PhoneNumber.TryNormalise(text, out var phone, out var reason))
        {
            errors["Phone"] = [reason];
            return null;
        }
        var hash = protector.Hash(phone);
        if (await db.Users.AnyAsync(u => u.PhoneHash == hash && u.Id != accountId, ct))
        {
            errors["Phone"] = ["该手机号已被其他账号使用"];
            return null;
        }
        return phone;
    }

    /// <summary>The administration rule's refusal of a placement, as a field error.</summary>
    public static FieldErrors Refusal(AccountDecision decision) =>
        new() { [decision.Field is { Length: > 0 } field ? field : "Role"] = [decision.Reason!] };

    public static void Apply(StaffUser user, CheckedAccountFields f, PersonalDataProtector protector)
    {
        user.DisplayName = f.DisplayName;
        user.Role = f.Role;
        user.ScopeCode = f.ScopeCode;
        user.DepartmentCode = f.DepartmentCode;
        user.EnterpriseId = f.EnterpriseId;
        user.BusinessCommunityId = f.BusinessCommunityId;
        user.ServiceGroupId = f.ServiceGroupId;
        if (!f.KeepsPhone)
        {
            StaffPhones.Set(user, f.Phone, protector);
        }
        user.Email = f.Email;
    }
}
