using CivicGrid.App.Data.Writes;
using System.Xml.Linq;
using CivicGrid.App.Access;
using CivicGrid.App.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Security.KeyRing;

/// <summary>Keeps the data protection key ring in the database, shared by every node; each new key is audited, never its content.</summary>
public sealed class DatabaseKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => Run(db =>
        db.ProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(x => XElement.Parse(x)).ToList());

    public void StoreElement(XElement element, string friendlyName) => Run(db =>
    {
        db.ProtectionKeys.Add(new ProtectionKey
        {
            FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), CreatedAt = db.Clock.GetUtcNow(),
        });
        AuditTrail.Record(db, "create", nameof(ProtectionKey), friendlyName);
        db.SaveChanges();
        return 0;
    });

    /// <summary>The key ring is read while a request is being authenticated, before anyone's jurisdiction is known.</summary>
    private T Run<T>(Func<CivicGridDbContext, T> work)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentJurisdiction>().Set(new SystemJurisdiction("key ring"));
        return work(scope.ServiceProvider.GetRequiredService<CivicGridDbContext>());
    }
}
