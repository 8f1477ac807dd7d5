using CivicGrid.Core.People;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CivicGrid.App.Data.Writes;

/// <summary>
/// Text that users type (names, descriptions, notes, places) may hold a phone or ID number. Such a number cannot be
/// encrypted, masked or revealed field by field, so it is masked before it is stored; the numbers a record needs have
/// fields of their own, encrypted. Typed text is known by the property's name, so a new module's fields are covered.
/// </summary>
internal static class FreeText
{
    private static readonly HashSet<string> Typed =
    [
        "Name", "Description", "Note", "PublicNote", "Title", "Place", "Address", "Operator", "OpeningHours", "ContactName", "Comment", "Reason",
        "Topic", "Summary", "RegisteredAddress", "OfficeAddress", "Room", "Text", "Provider",
    ];

    /// <summary>The text with any ID or mobile number in it masked; shorter text cannot hold one.</summary>
    public static string Masked(string text) => text.Length > 10 ? PersonalDataMask.InText(text) : text;

    /// <summary>Masks a tracked row's typed text: all of it when the row is new, what changed otherwise.</summary>
    public static void Mask(EntityEntry entry, bool added)
    {
        foreach (var property in entry.Properties.Where(p => IsTyped(p.Metadata) && (added || p.IsModified)))
        {
            if (property.CurrentValue is string text && Masked(text) is var masked && masked != text)
            {
                property.CurrentValue = masked;
            }
        }
    }

    /// <summary>Masks the typed text of a row that is written without the change tracker.</summary>
    public static void Mask(IReadOnlyList<IProperty> typed, object row)
    {
        foreach (var property in typed)
        {
            if (property.PropertyInfo!.GetValue(row) is string text && Masked(text) is var masked && masked != text)
            {
                property.PropertyInfo.SetValue(row, masked);
            }
        }
    }

    public static IReadOnlyList<IProperty> TypedProperties(IEntityType entity) =>
        entity.GetProperties().Where(p => IsTyped(p) && p.PropertyInfo is not null).ToList();

    private static bool IsTyped(IReadOnlyProperty property) => property.ClrType == typeof(string) && Typed.Contains(property.Name);
}
