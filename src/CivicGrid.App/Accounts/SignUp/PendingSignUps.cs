using CivicGrid.App.Access;
using CivicGrid.App.Data;
using CivicGrid.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Accounts.SignUp;

/// <summary>Which pending sign-ups a member of staff sees: those of the community above their grid, or of any community below their node.</summary>
internal static class PendingSignUps
{
    public static IQueryable<ResidentSignUp> Visible(CivicGridDbContext db)
    {
        var scope = db.Jurisdiction.ScopeCode;
        // The codes of the nodes above the caller's: a grid worker sees the sign-ups that named their community.
        var above = Enumerable.Range(1, 3).Select(level => 3 + (3 * level)).Where(length => length < scope.Length).Select(length => scope[..length]).ToList();
        return db.Set<ResidentSignUp>().Where(s => s.Status == SignUpStatus.Pending && (s.ScopeCode.StartsWith(scope) || above.Contains(s.ScopeCode)));
    }
}
