using Microsoft.AspNetCore.Identity;

namespace CivicGrid.App.Access;

/// <summary>
/// What a password must be beyond its length: not the account's name, not one character repeated, not a run of
/// keys, and not one of the passwords tried first in every guessing attack.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<StaffUser>
{
    public const int MinimumLength = 10;

    private static readonly string[] Runs = ["0123456789", "9876543210", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz"];

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "passw0rd", "iloveyou", "woaini1314", "woaini520",
        "admin12345", "admin123456", "administrator", "qwerty123", "1qaz2wsx", "1q2w3e4r5t", "a123456789", "abc1234567",
        "zhang123456", "changeme123", "welcome123", "civicgrid", "civicgrid1", "civicgrid123",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        var problems = Problems(user.UserName, password ?? "").Select(d => new IdentityError { Code = "PasswordWeak", Description = d }).ToArray();
        return Task.FromResult(problems.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(problems));
    }

    public static IEnumerable<string> Problems(string? userName, string password)
    {
        var lower = password.ToLowerInvariant();
        if (userName is { Length: >= 3 } && lower.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal))
        {
            yield return "密码不能包含用户名";
        }
        if (password.Length > 0 && password.All(c => c == password[0]))
        {
            yield return "密码不能是同一个字符的重复";
        }
        else if (Runs.Any(run => IsPartOf(lower, run)))
        {
            yield return "密码不能是连续的数字或键盘字母";
        }
        if (Common.Contains(password))
        {
            yield return "这是常见密码，容易被猜中，请换一个";
        }
    }

    private static bool IsPartOf(string password, string run) =>
        password.Length >= 6 && (run.Contains(password, StringComparison.Ordinal) || (run + run).Contains(password, StringComparison.Ordinal));
}

/// <summary>The account errors of ASP.NET Core Identity in Chinese, as the pages show them.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含小写字母" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含大写字母" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码须包含符号" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少包含 {uniqueChars} 个不同字符" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "账号已被修改，请重试" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败，请重试" };
}
