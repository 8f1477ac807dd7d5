using CivicGrid.App.Security;
using CivicGrid.Core.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Activities;

internal static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services) =>
        services.AddSingleton(sp => new CheckInKey(sp.GetRequiredService<PersonalDataProtector>().DeriveKey("civicgrid/activities/check-in/v1")));
}

/// <summary>The key that seals check-in codes, derived once from the installation's key material.</summary>
public sealed class CheckInKey(byte[] key)
{
    public string Issue(int sessionId, int residentId, DateTimeOffset expiresAt) => CheckInToken.Issue(key, sessionId, residentId, expiresAt);

    public (TokenReading Reading, int SessionId, int ResidentId) Read(string? token, DateTimeOffset now) => CheckInToken.Read(key, token, now);
}
