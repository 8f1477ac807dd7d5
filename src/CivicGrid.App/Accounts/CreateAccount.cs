using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Accounts;

/// <summary>Opens an account (开通账号) with a one-time password the administrator hands over; it must be changed at the first sign-in.</summary>
public sealed record CreateAccount(string? UserName, AccountFields Fields);

public sealed class CreateAccountHandler(CivicGridDbContext db, UserManager<StaffUser> users, PersonalDataProtector protector)
{
    public async Task<Outcome<OneTimePassword>> HandleAsync(CreateAccount command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.AdministersAccounts())
        {
            return Outcome<OneTimePassword>.Forbidden("当前角色无权管理账号");
        }
        var userName = command.UserName?.Trim() ?? "";
        var errors = await UserNameErrorsAsync(userName);
        var (fields, fieldErrors) = await AccountFieldChecks.CheckAsync(db, protector, command.Fields, null, ct);
        foreach (var (field, reasons) in fieldErrors)
        {
            errors[field] = reasons;
        }
        if (fields is not null)
        {
            var decision = AccountAdministration.Decide(db.Jurisdiction.Actor(), AccountAction.Create, new AccountHolder(null, fields.Role, fields.ScopeCode));
            if (decision.Verdict != AccountVerdict.Allowed)
            {
                return Outcome<OneTimePassword>.Invalid(AccountFieldChecks.Refusal(decision));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<OneTimePassword>.Invalid(errors);
        }
        var user = new StaffUser { UserName = userName, DisplayName = "", ScopeCode = "", MustChangePassword = true, CreatedAt = db.UtcNow() };
        AccountFieldChecks.Apply(user, fields!, protector);
        return await AccountPasswords.CreateAsync(db, users, user, ct);
    }

    private async Task<FieldErrors> UserNameErrorsAsync(string userName)
    {
        var errors = new FieldErrors();
        if (userName.Length == 0)
        {
            errors[nameof(CreateAccount.UserName)] = ["请填写用户名"];
        }
        else if (AccountNames.Problem(userName) is { } problem)
        {
            errors[nameof(CreateAccount.UserName)] = [problem];
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            errors[nameof(CreateAccount.UserName)] = [$"用户名“{userName}”已被使用"];
        }
        return errors;
    }
}

/// <summary>The rule for user names, for the form and the staff import alike.</summary>
public static class AccountNames
{
    public static string? Problem(string userName) =>
        userName.Length is < 3 or > 50 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@')
            ? "用户名应为 3 至 50 位英文字母、数字或 . - _ @"
            : null;
}
