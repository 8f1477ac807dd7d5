using CivicGrid.Testing;
using CivicGrid.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivicGrid.Web.Tests.Notifications;

public class OutboxDeliveryTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task BackgroundDeliveryRunsUnlessSwitchedOff(DatabaseKind kind)
    {
        await using var off = await CivicGridFactory.StartAsync(kind);
        Assert.DoesNotContain(off.Services.GetServices<IHostedService>(), s => s is OutboxDelivery);

        await using var on = await CivicGridFactory.StartAsync(kind, settings: new Dictionary<string, string?> { ["Notifications:Enabled"] = "true" });
        Assert.Contains(on.Services.GetServices<IHostedService>(), s => s is OutboxDelivery);
    }
}
