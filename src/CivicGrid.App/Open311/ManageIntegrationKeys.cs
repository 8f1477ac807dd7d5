using System.Security.Cryptography;
using System.Text;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Open311;

public sealed record IntegrationKeyView(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? RevokedAt)
{
    public bool Active => RevokedAt is null;
}

/// <summary>Issues a key to one integration; the plain key is in the answer once and is never stored.</summary>
public sealed record IssueIntegrationKey(string Name);

public sealed record IssuedIntegrationKey(int Id, string Name, string Prefix, string Key);

public sealed record RevokeIntegrationKey(int Id);

/// <summary>The district admin's view of the Open311 keys: list, issue, revoke.</summary>
public sealed class ManageIntegrationKeysHandler(CivicGridDbContext db)
{
    private const string AdminsOnly = "只有区管理员可以管理接口密钥";

    public Task<List<IntegrationKeyView>> ListAsync(CancellationToken ct) =>
        !db.Jurisdiction.Role.May(Permission.AdministerDistrict)
            ? Task.FromResult(new List<IntegrationKeyView>())
            : db.IntegrationKeys.AsNoTracking().OrderByDescending(k => k.Id)
                .Select(k => new IntegrationKeyView(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt)).ToListAsync(ct);

    public async Task<Outcome<IssuedIntegrationKey>> HandleAsync(IssueIntegrationKey command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<IssuedIntegrationKey>.Forbidden(AdminsOnly);
        }
        var name = command.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            return Outcome<IssuedIntegrationKey>.Invalid(nameof(command.Name), "接入方名称应为1至50个字");
        }
        // The name becomes the audit actor ("open311:" and the name, within the 100-character column), so two live keys must not share it.
        if (await db.IntegrationKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, ct))
        {
            return Outcome<IssuedIntegrationKey>.Invalid(nameof(command.Name), $"接入方“{name}”已有有效密钥，请先吊销");
        }
        var key = IntegrationKeySecret.New();
        var row = new IntegrationKey { Name = name, KeyHash = IntegrationKeySecret.Hash(key), Prefix = IntegrationKeySecret.PrefixOf(key), CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
        db.IntegrationKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<IssuedIntegrationKey>.Ok(new IssuedIntegrationKey(row.Id, row.Name, row.Prefix, key));
    }

    public async Task<Outcome<IntegrationKeyView>> HandleAsync(RevokeIntegrationKey command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<IntegrationKeyView>.Forbidden(AdminsOnly);
        }
        var row = await db.IntegrationKeys.FindAsync([command.Id], ct);
        if (row is null)
        {
            return Outcome<IntegrationKeyView>.NotFound();
        }
        if (row.RevokedAt is null)
        {
            row.RevokedAt = db.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return Outcome<IntegrationKeyView>.Ok(new IntegrationKeyView(row.Id, row.Name, row.Prefix, row.CreatedAt, row.RevokedAt));
    }
}

/// <summary>How keys are made and recognised: 32 random bytes, stored as their SHA-256 and an 8-character prefix.</summary>
public static class IntegrationKeySecret
{
    public const int PrefixLength = 8;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key) => key[..PrefixLength];

    /// <summary>The live key with this plain text, or null for a missing, unknown or revoked one.</summary>
    public static async Task<IntegrationKey?> FindActiveAsync(CivicGridDbContext db, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }
        var hash = Hash(key.Trim());
        return await db.IntegrationKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
    }
}
