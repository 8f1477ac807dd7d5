using System.Security.Cryptography;
using CivicGrid.App.Accounts;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Enterprises.Contacts;

/// <summary>
/// Approves a contact's request, opening the account exactly as inviting a contact does (<see cref="CreateAccountHandler"/>:
/// the same checks of the credit code, the phone and the inviter's reach, and a one-time password to hand over), or
/// refuses it. The account and the request's decision are saved together or not at all.
/// </summary>
public sealed record DecideContactSignUp(int SignUpId, bool Approve, string? Note = null);

public sealed class DecideContactSignUpHandler(CivicGridDbContext db, CreateAccountHandler create, PersonalDataProtector protector)
{
    public async Task<Outcome<OneTimePassword?>> HandleAsync(DecideContactSignUp command, CancellationToken ct)
    {
        if (!ContactSignUps.MayDecide(db.Jurisdiction.Role))
        {
            return Outcome<OneTimePassword?>.Forbidden(ContactSignUps.Refusal);
        }
        var signUp = await ContactSignUps.Pending(db).AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SignUpId, ct);
        var code = signUp is null ? null : await db.Enterprises.Where(e => e.Id == signUp.EnterpriseId).Select(e => e.CreditCode).FirstOrDefaultAsync(ct);
        if (signUp is null || code is null)
        {
            return Outcome<OneTimePassword?>.NotFound();
        }
        var note = command.Note?.Trim();
        if (note?.Length > 200)
        {
            return Outcome<OneTimePassword?>.Invalid("note", "说明不能超过 200 个字");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        OneTimePassword? password = null;
        if (command.Approve)
        {
            var opened = await create.HandleAsync(new CreateAccount(await NewUserNameAsync(ct), Fields(signUp, code)), ct);
            if (opened.Kind != OutcomeKind.Ok)
            {
                return Outcome<OneTimePassword?>.Invalid(opened.Errors);
            }
            password = opened.Value;
        }
        var decided = await db.Set<ContactSignUp>().FirstAsync(s => s.Id == signUp.Id, ct);
        decided.Status = command.Approve ? ContactSignUpStatus.Approved : ContactSignUpStatus.Refused;
        (decided.UserId, decided.Note) = (password?.AccountId, string.IsNullOrEmpty(note) ? null : note);
        (decided.DecidedBy, decided.DecidedAt) = (db.Jurisdiction.ActorName, db.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<OneTimePassword?>.Ok(password);
    }

    private AccountFields Fields(ContactSignUp s, string creditCode) =>
        new(s.Name, nameof(StaffRole.EnterpriseContact), null, null,
            s.PhoneCipher is null ? null : protector.Decrypt(s.PhoneCipher), s.EmailCipher is null ? null : protector.Decrypt(s.EmailCipher))
        {
            CreditCode = creditCode,
        };

    /// <summary>A contact signs in with the name handed over with the password; it says nothing about the person.</summary>
    private async Task<string> NewUserNameAsync(CancellationToken ct)
    {
        while (true)
        {
            var name = "qy" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            if (!await db.Users.AnyAsync(u => u.UserName == name, ct))
            {
                return name;
            }
        }
    }
}
