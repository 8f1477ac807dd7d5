using CivicGrid.App.Data;
using CivicGrid.App.Data.Scopes;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Security;

/// <summary>
/// Re-encrypts every ID number and phone still under a retired key with the current one (密钥轮换), in batches, each
/// batch in its own audited save. Lookup hashes do not change, so search keeps working throughout; running it again
/// finds nothing to do.
/// </summary>
public sealed record RotatePersonalData(int BatchSize = 2000);

public sealed record RotationReport(int Residents, int Cases);

public sealed class RotatePersonalDataHandler(CivicGridDbContext db, PersonalDataProtector protector)
{
    public async Task<RotationReport> HandleAsync(RotatePersonalData command, IProgress<int>? progress, CancellationToken ct)
    {
        var residents = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.SystemWork().Residents.Where(r => r.Id > lastId).OrderBy(r => r.Id).Take(command.BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var r in batch.Where(r => !protector.IsCurrent(r.IdNumberCipher) || (r.PhoneCipher is { } p && !protector.IsCurrent(p))))
            {
                r.IdNumberCipher = Reencrypt(r.IdNumberCipher);
                r.PhoneCipher = r.PhoneCipher is null ? null : Reencrypt(r.PhoneCipher);
                residents++;
            }
            lastId = batch[^1].Id;
            await SaveBatchAsync(ct);
            progress?.Report(residents);
        }
        var cases = 0;
        lastId = 0;
        while (true)
        {
            var batch = await db.SystemWork().Cases.Where(c => c.Id > lastId && c.ContactPhoneCipher != null).OrderBy(c => c.Id).Take(command.BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var c in batch.Where(c => !protector.IsCurrent(c.ContactPhoneCipher!)))
            {
                c.ContactPhoneCipher = Reencrypt(c.ContactPhoneCipher!);
                cases++;
            }
            lastId = batch[^1].Id;
            await SaveBatchAsync(ct);
        }
        return new RotationReport(residents, cases);
    }

    private byte[] Reencrypt(byte[] cipher) => protector.IsCurrent(cipher) ? cipher : protector.Encrypt(protector.Decrypt(cipher));

    private async Task SaveBatchAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
