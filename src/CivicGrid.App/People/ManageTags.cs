using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.People;

public sealed record TagView(int Id, string Name, string? Description, int ResidentCount);

/// <summary>Creates or renames a tag; the tag set is data, so admins shape it to their district.</summary>
public sealed record SaveTag(int? Id, string Name, string? Description);

public sealed record DeleteTag(int Id);

public sealed class ManageTagsHandler(CivicGridDbContext db)
{
    public Task<List<TagView>> ListAsync(CancellationToken ct) =>
        db.Tags.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new TagView(t.Id, t.Name, t.Description, t.Residents.Count))
            .ToListAsync(ct);

    public async Task<Outcome<int>> HandleAsync(SaveTag command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden("只有区管理员可以维护标签");
        }
        var name = command.Name?.Trim() ?? "";
        if (name.Length is 0 or > 20)
        {
            return Outcome<int>.Invalid(nameof(command.Name), "标签名称应为1至20个字");
        }
        if (await db.Tags.AnyAsync(t => t.Name == name && t.Id != command.Id, ct))
        {
            return Outcome<int>.Invalid(nameof(command.Name), $"标签“{name}”已存在");
        }
        var tag = command.Id is { } id ? await db.Tags.FindAsync([id], ct) : null;
        if (command.Id is not null && tag is null)
        {
            return Outcome<int>.NotFound();
        }
        if (tag is null)
        {
            tag = new Tag { Name = name };
            db.Tags.Add(tag);
        }
        tag.Name = name;
        tag.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(tag.Id);
    }

    public async Task<Outcome<int>> HandleAsync(DeleteTag command, CancellationToken ct)
    {
        if (!db.Jurisdiction.Role.May(Permission.AdministerDistrict))
        {
            return Outcome<int>.Forbidden("只有区管理员可以维护标签");
        }
        var tag = await db.Tags.FindAsync([command.Id], ct);
        if (tag is null)
        {
            return Outcome<int>.NotFound();
        }
        if (await db.DistrictChecks().Tags.Where(t => t.Id == command.Id).SelectMany(t => t.Residents).AnyAsync(ct))
        {
            return Outcome<int>.Invalid("Id", $"标签“{tag.Name}”仍有居民使用，不能删除");
        }
        db.Tags.Remove(tag);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(command.Id);
    }
}
