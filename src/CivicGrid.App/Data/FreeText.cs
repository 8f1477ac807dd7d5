using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivicGrid.App.Data;

/// <summary>
/// Text that users type (names, descriptions, notes, places) may hold a phone or ID number. Such a number cannot be
/// encrypted, masked or revealed field by field, so it is masked before it is stored; the numbers a record needs have
/// fields of their own, encrypted. Writers that bypass the change tracker (the importers' bulk inserts) mask with
/// <see cref="Masked"/> as they read the text.
/// </summary>
internal static class FreeText
{
    private static readonly HashSet<string> Typed =
    [
        "Name", "Description", "Note", "Title", "Place", "Address", "Operator", "OpeningHours", "ContactName", "Comment", "Reason", "Topic", "Summary",
        "RegisteredAddress", "OfficeAddress", "Room",
    ];

    /// <summary>The text with any ID or mobile number in it masked; shorter text cannot hold one.</summary>
    public static string Masked(string text) => text.Length > 10 ? PersonalDataMask.InText(text) : text;

    public static void Mask(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => IsTyped(p) && (entry.State == EntityState.Added || p.IsModified)))
            {
                if (property.CurrentValue is string text && Masked(text) is var masked && masked != text)
                {
                    property.CurrentValue = masked;
                }
            }
        }
    }

    private static bool IsTyped(PropertyEntry property) =>
        property.Metadata.ClrType == typeof(string) && Typed.Contains(property.Metadata.Name);
}
