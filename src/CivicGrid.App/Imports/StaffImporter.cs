using System.Net.Mail;
using System.Security.Cryptography;
using CivicGrid.App.Access;
using CivicGrid.App.Accounts;
using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using CivicGrid.App.Territory;
using CivicGrid.Core.Territory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Imports;

/// <summary>
/// Staff accounts (工作人员账号), keyed by user name. A new name opens an account with a one-time password that must be
/// changed at the first sign-in; a name that exists with the same details is unchanged; one with other details is an
/// error, since changing a role or scope is done account by account where the change is seen. Only accounts the
/// importer may create under <see cref="AccountAdministration"/> are accepted.
/// </summary>
public sealed class StaffImporter(CivicGridDbContext db, IPasswordHasher<StaffUser> hasher, ILookupNormalizer normalizer, PersonalDataProtector protector) : Importer<StaffImporter.Row>
{
    public sealed record Row(string? UserName, string? DisplayName, StaffRole? Role, string? ScopeCode, string? Department, string? Phone, string? Email)
    {
        public string NormalizedName => UserName!.ToUpperInvariant();
        public string? DepartmentCode { get; set; }
        /// <summary>The phone's keyed hash, which is what the database can compare.</summary>
        public string? PhoneHash { get; set; }
        public bool Complete => UserName is not null && DisplayName is not null && Role is not null && ScopeCode is not null;
    }

    private sealed record Existing(string NormalizedUserName, string DisplayName, StaffRole Role, string ScopeCode, string? DepartmentCode, string? PhoneHash, string? Email);

    private static readonly ImportColumn UserNameColumn = new("userName", "用户名", true, "账号", "User name");
    private static readonly ImportColumn NameColumn = new("displayName", "姓名", true, "Name");
    private static readonly ImportColumn RoleColumn = new("role", "角色", true, "Role");
    private static readonly ImportColumn ScopeColumn = new("scopeCode", "所属区划编码", true, "区划编码", "Scope code");
    private static readonly ImportColumn DepartmentColumn = new("department", "所属部门", false, "部门", "部门编码", "Department");
    private static readonly ImportColumn PhoneColumn = new("phone", "手机号", false, "Phone");
    private static readonly ImportColumn EmailColumn = new("email", "电子邮箱", false, "邮箱", "E-mail", "Email");

    public override ImportKind Kind => ImportKind.Staff;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
        [UserNameColumn, NameColumn, RoleColumn, ScopeColumn, DepartmentColumn, PhoneColumn, EmailColumn];

    public override bool MayImport(StaffRole role) => role.AdministersAccounts();

    protected override Row? Parse(ImportRow row)
    {
        var userName = row.Text(UserNameColumn, 50);
        if (userName is not null && AccountNames.Problem(userName) is { } problem)
        {
            row.Error(UserNameColumn, problem);
            userName = null;
        }
        var name = row.FreeText(NameColumn, AccountFieldChecks.MaxNameLength);
        var role = ParseRole(row);
        var scope = row.Text(ScopeColumn, 15);
        if (scope is not null && !TerritoryCode.IsValid(scope))
        {
            row.Error(ScopeColumn, "区划编码应为6、9、12或15位数字");
            scope = null;
        }
        string? phone = null;
        if (row.Text(PhoneColumn, 20) is { } phoneText && !PhoneNumber.TryNormalise(phoneText, out phone, out var phoneReason))
        {
            row.Error(PhoneColumn, phoneReason);
        }
        var email = row.Text(EmailColumn, 256);
        if (email is not null && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            row.Error(EmailColumn, "电子邮箱格式不正确");
        }
        return new Row(userName, name, role, scope, row.Text(DepartmentColumn, 60), phone, email);
    }

    private static StaffRole? ParseRole(ImportRow row)
    {
        var text = row.Text(RoleColumn, 20);
        if (text is null)
        {
            return null;
        }
        var role = Enum.GetValues<StaffRole>().Cast<StaffRole?>()
            .FirstOrDefault(r => r!.Value.ChineseName() == text || (text.All(char.IsAsciiLetter) && string.Equals(r.Value.ToString(), text, StringComparison.OrdinalIgnoreCase)));
        if (role is null)
        {
            row.Error(RoleColumn, $"未知角色“{text}”，应为网格员、社区工作者、街道干部、区管理员、职能部门经办人或民间督导员");
        }
        else if (role == StaffRole.Resident)
        {
            row.Error(RoleColumn, "居民账号由居民本人用手机号注册，不能导入");
            return null;
        }
        return role;
    }

    protected override async Task<ImportPlan> PlanAsync(IReadOnlyList<(int Row, Row Value)> rows, List<ImportError> errors, CancellationToken ct)
    {
        var nodes = await Chunks.LookupAsync(rows.Select(r => r.Value.ScopeCode).OfType<string>(),
            codes => db.PublicGeography().TerritoryNodes.Where(n => codes.Contains(n.Code)).Select(n => new { n.Code, n.Name, n.Level }).ToListAsync(ct), n => n.Code);
        var places = nodes.ToDictionary(n => n.Key, n => (n.Value.Name, n.Value.Level));
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        foreach (var (number, row) in rows)
        {
            CheckPlacement(number, row, places, errors);
            CheckDepartment(number, row, departments, errors);
        }
        var complete = rows.Where(r => r.Value.Complete).ToList();
        Chunks.RejectDuplicates(complete, r => r.NormalizedName, UserNameColumn.Header, "用户名", errors);
        Chunks.RejectDuplicates(complete.Where(r => r.Value.Phone is not null).ToList(), r => r.Phone!, PhoneColumn.Header, "手机号", errors);
        var existing = await Chunks.LookupAsync(complete.Select(r => r.Value.NormalizedName),
            names => db.Users.Where(u => names.Contains(u.NormalizedUserName!))
                .Select(u => new Existing(u.NormalizedUserName!, u.DisplayName, u.Role, u.ScopeCode, u.DepartmentCode, u.PhoneHash, u.Email)).ToListAsync(ct),
            e => e.NormalizedUserName);
        foreach (var (_, row) in complete)
        {
            row.PhoneHash = row.Phone is null ? null : protector.Hash(row.Phone);
        }
        var phoneOwners = await Chunks.LookupAsync(complete.Select(r => r.Value.PhoneHash).OfType<string>(),
            hashes => db.Users.Where(u => hashes.Contains(u.PhoneHash!)).Select(u => new { Hash = u.PhoneHash!, u.NormalizedUserName }).ToListAsync(ct), u => u.Hash);
        var actor = db.Jurisdiction.Actor();
        var inserts = new List<Row>();
        var unchanged = 0;
        foreach (var (number, row) in complete)
        {
            if (row.PhoneHash is not null && phoneOwners.TryGetValue(row.PhoneHash, out var owner) && owner.NormalizedUserName != row.NormalizedName)
            {
                errors.Add(new ImportError(number, PhoneColumn.Header, "该手机号已被其他账号使用"));
            }
            if (!existing.TryGetValue(row.NormalizedName, out var current))
            {
                inserts.Add(row);
            }
            else if (!actor.Manages(current.Role, current.ScopeCode))
            {
                errors.Add(new ImportError(number, UserNameColumn.Header, $"用户名“{row.UserName}”已被使用"));
            }
            else if (Same(current, row))
            {
                unchanged++;
            }
            else
            {
                errors.Add(new ImportError(number, UserNameColumn.Header,
                    $"账号“{row.UserName}”已存在，且姓名、角色、区划、部门、手机号或邮箱与表中不同；修改已有账号请到账号管理页面逐个进行"));
            }
        }
        var issued = new List<IssuedPassword>();
        return new ImportPlan(rows.Count, inserts.Count, 0, unchanged, (progress, token) => ApplyAsync(inserts, issued, progress, token))
        {
            Issued = issued,
        };
    }

    /// <summary>The node must exist, be of the role's level, and the account must be one the importer may create.</summary>
    private void CheckPlacement(int number, Row row, Dictionary<string, (string Name, TerritoryLevel Level)> nodes, List<ImportError> errors)
    {
        if (row.ScopeCode is null || row.Role is not { } role)
        {
            return;
        }
        if (!nodes.TryGetValue(row.ScopeCode, out var node))
        {
            errors.Add(new ImportError(number, ScopeColumn.Header, $"区划编码“{row.ScopeCode}”不存在"));
        }
        else if (role.LevelFor() is { } level && node.Level != level)
        {
            errors.Add(new ImportError(number, ScopeColumn.Header, $"{role.ChineseName()}的所属区划应为{level.ChineseName()}，“{node.Name}”是{node.Level.ChineseName()}"));
        }
        else if (AccountAdministration.Decide(db.Jurisdiction.Actor(), AccountAction.Create, new AccountHolder(null, role, row.ScopeCode)) is { Verdict: not AccountVerdict.Allowed } refusal)
        {
            errors.Add(new ImportError(number, refusal.Field == "ScopeCode" ? ScopeColumn.Header : RoleColumn.Header, refusal.Reason ?? "无权创建此账号"));
        }
    }

    /// <summary>A department handler needs a department in service, named by code or name; other roles have none.</summary>
    private static void CheckDepartment(int number, Row row, List<Core.Cases.Department> departments, List<ImportError> errors)
    {
        if (row.Role != StaffRole.DepartmentHandler)
        {
            return;
        }
        if (row.Department is null)
        {
            errors.Add(new ImportError(number, DepartmentColumn.Header, "职能部门经办人须填写所属部门"));
            return;
        }
        var department = departments.FirstOrDefault(d => d.Code == row.Department) ?? departments.FirstOrDefault(d => d.Name == row.Department);
        if (department is null)
        {
            errors.Add(new ImportError(number, DepartmentColumn.Header, $"部门“{row.Department}”不存在"));
        }
        else if (department.RetiredAt is not null)
        {
            errors.Add(new ImportError(number, DepartmentColumn.Header, $"部门“{department.Name}”已撤销，不能再分配经办人"));
        }
        else
        {
            row.DepartmentCode = department.Code;
        }
    }

    private static bool Same(Existing current, Row row) =>
        current.DisplayName == row.DisplayName && current.Role == row.Role && current.ScopeCode == row.ScopeCode
        && current.DepartmentCode == row.DepartmentCode && current.PhoneHash == row.PhoneHash && current.Email == row.Email;

    /// <summary>
    /// Adds the accounts as Identity would, each with its audit entry, in the import's transaction. The passwords are
    /// hashed in parallel: at Identity's work factor one hash takes tens of milliseconds, which one thread would spend
    /// minutes on for a district's staff.
    /// </summary>
    private async Task ApplyAsync(List<Row> inserts, List<IssuedPassword> issued, IProgress<int>? progress, CancellationToken ct)
    {
        var now = db.UtcNow();
        var accounts = inserts.Select(r => New(r, now)).ToArray();
        var passwords = new string[accounts.Length];
        Parallel.For(0, accounts.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            passwords[i] = AccountPasswords.NewFor(accounts[i].UserName!);
            accounts[i].PasswordHash = hasher.HashPassword(accounts[i], passwords[i]);
        });
        for (var i = 0; i < accounts.Length; i++)
        {
            issued.Add(new IssuedPassword(accounts[i].UserName!, accounts[i].DisplayName, passwords[i]));
        }
        // Saved in slices inside the import's transaction, so the change tracker never holds a district's accounts at once.
        foreach (var slice in accounts.Chunk(500))
        {
            foreach (var account in slice)
            {
                AccountAccess.Audit(db, AccountAuditActions.Create, account, AccountAccess.Placed(account));
                db.Users.Add(account);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report(slice.Length);
        }
    }

    private StaffUser New(Row row, DateTime now)
    {
        var account = new StaffUser
        {
            UserName = row.UserName,
            NormalizedUserName = normalizer.NormalizeName(row.UserName),
            DisplayName = row.DisplayName!,
            Role = row.Role!.Value,
            ScopeCode = row.ScopeCode!,
            DepartmentCode = row.DepartmentCode,
            Email = row.Email,
            NormalizedEmail = row.Email is null ? null : normalizer.NormalizeEmail(row.Email),
            MustChangePassword = true,
            CreatedAt = now,
            LockoutEnabled = true,
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
        };
        StaffPhones.Set(account, row.Phone, protector);
        return account;
    }
}
