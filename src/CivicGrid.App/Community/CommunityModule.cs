using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Community;

internal static class CommunityModule
{
    /// <summary>What residents see of their community: the viewer's community, shared by its use cases.</summary>
    public static IServiceCollection AddCommunity(this IServiceCollection services) => services.AddScoped<ViewerCommunity>();
}
