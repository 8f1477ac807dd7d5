using CivicGrid.App.Data;
using CivicGrid.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.App.Cases;

/// <summary>
/// Puts the deliberation list, departments, think-tank groups and public holidays into an empty database. Each set is
/// written only while its table is empty, so staff's edits are never overwritten.
/// </summary>
public static class CaseReferenceData
{
    public static async Task EnsureAsync(CivicGridDbContext db, CancellationToken ct)
    {
        if (!await db.Departments.AnyAsync(ct))
        {
            db.Departments.AddRange(DeliberationList.Departments());
        }
        if (!await db.DeliberationItems.AnyAsync(ct))
        {
            db.DeliberationItems.AddRange(DeliberationList.Items());
        }
        if (!await db.ThinkTankGroups.AnyAsync(ct))
        {
            db.ThinkTankGroups.AddRange(DeliberationList.ThinkTankGroups());
        }
        if (!await db.PublicHolidays.AnyAsync(ct))
        {
            db.PublicHolidays.AddRange(Holidays2026());
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The 2026 and early-2027 days off and make-up working days; admins correct them when the State Council publishes the year's notice.</summary>
    private static IEnumerable<PublicHoliday> Holidays2026()
    {
        static IEnumerable<PublicHoliday> Off(string name, int year, int month, int day, int count) =>
            Enumerable.Range(0, count).Select(i => new PublicHoliday { Date = new DateOnly(year, month, day).AddDays(i), Name = name });
        static PublicHoliday Work(string name, int year, int month, int day) =>
            new() { Date = new DateOnly(year, month, day), Name = $"{name}调休上班", IsWorkday = true };
        return Off("元旦", 2026, 1, 1, 3)
            .Concat(Off("春节", 2026, 2, 15, 9)).Append(Work("春节", 2026, 2, 14)).Append(Work("春节", 2026, 2, 28))
            .Concat(Off("清明节", 2026, 4, 4, 3))
            .Concat(Off("劳动节", 2026, 5, 1, 5)).Append(Work("劳动节", 2026, 5, 9))
            .Concat(Off("端午节", 2026, 6, 19, 3))
            .Concat(Off("中秋节", 2026, 9, 25, 3))
            .Concat(Off("国庆节", 2026, 10, 1, 7)).Append(Work("国庆节", 2026, 10, 10))
            .Concat(Off("元旦", 2027, 1, 1, 3));
    }
}
