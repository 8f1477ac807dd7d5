using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.Core.Access;
using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>Residents sign in with the mobile number they signed up with; staff with their user name.</summary>
public sealed class SignInNames(CivicGridDbContext db, PersonalDataProtector protector)
{
    public async Task<string> UserNameAsync(string? typed, CancellationToken ct)
    {
        var text = typed?.Trim() ?? "";
        if (!PhoneNumber.TryNormalise(text, out var phone, out _))
        {
            return text;
        }
        var userId = await db.Set<ResidentSignUp>().Where(s => s.PhoneHash == protector.Hash(phone)).Select(s => s.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? text : await db.Users.Where(u => u.Id == userId).Select(u => u.UserName!).FirstAsync(ct);
    }
}
