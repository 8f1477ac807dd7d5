using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>Where case photos are kept on disk.</summary>
public sealed class AttachmentStore(string directory)
{
    public string PathOf(string id) => Path.Combine(directory, id);

    public async Task WriteAsync(string id, byte[] bytes, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(PathOf(id), bytes, ct);
    }
}

/// <summary>
/// Keeps a photo for a case about to be raised or a move about to be made; it is linked when that happens. The place the
/// photo was taken is removed unless <paramref name="KeepLocation"/> says the uploader wants it kept.
/// </summary>
public sealed record UploadAttachment(Stream Content, long Length, bool KeepLocation = false);

public sealed record AttachmentFile(string Id, string ContentType, string Path);

public sealed class UploadAttachmentHandler(CivicGridDbContext db, AttachmentStore store)
{
    public async Task<Outcome<string>> HandleAsync(UploadAttachment command, CancellationToken ct)
    {
        if (command.Length is <= 0 or > Photo.MaxBytes)
        {
            return Outcome<string>.Invalid("File", "图片大小应在 5 MB 以内");
        }
        using var buffer = new MemoryStream();
        await command.Content.CopyToAsync(buffer, ct);
        if (buffer.Length > Photo.MaxBytes)
        {
            return Outcome<string>.Invalid("File", "图片大小应在 5 MB 以内");
        }
        var (photo, problem) = Photo.Clean(buffer.ToArray(), command.KeepLocation);
        if (photo is null)
        {
            return Outcome<string>.Invalid("File", problem!);
        }
        var id = Guid.NewGuid().ToString("N");
        await store.WriteAsync(id, photo.Bytes, ct);
        db.CaseAttachments.Add(new CaseAttachment { Id = id, ContentType = photo.ContentType, Length = photo.Bytes.Length, UploadedBy = db.Jurisdiction.ActorName, UploadedAt = db.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(id);
    }

    /// <summary>A stored photo, if the caller uploaded it or may see the case, the firm visit or the project progress it belongs to.</summary>
    public async Task<AttachmentFile?> OpenAsync(string id, CancellationToken ct)
    {
        var attachment = await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null)
        {
            return null;
        }
        var visible = attachment.UploadedBy == db.Jurisdiction.ActorName
            || (attachment.CaseId is { } caseId && await db.Cases.AnyAsync(c => c.Id == caseId, ct))
            || (attachment.VisitId is { } visitId && await db.Set<Core.Enterprises.Sweeps.EnterpriseVisit>().AnyAsync(v => v.Id == visitId, ct))
            || (attachment.ProgressId is { } progressId && await db.Set<Core.Projects.ProjectProgress>().AnyAsync(p => p.Id == progressId, ct));
        return visible ? new AttachmentFile(id, attachment.ContentType, store.PathOf(id)) : null;
    }
}
