using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// The load balancers or reverse proxies (ForwardedHeaders:KnownProxies) whose X-Forwarded-For is believed. Without
/// them every client would share the proxy's address in rate limits and the audit log; with none configured the header
/// is ignored, so no client can choose its own address.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders:KnownProxies";

    public static bool Any(IConfiguration configuration) => Addresses(configuration).Length > 0;

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        foreach (var address in Addresses(configuration))
        {
            options.KnownProxies.Add(address);
        }
    }

    private static IPAddress[] Addresses(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<string[]>() ?? []).Select(IPAddress.Parse).ToArray();
}
