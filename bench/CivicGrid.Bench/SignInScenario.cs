using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CivicGrid.App.Access;
using CivicGrid.Core.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

/// <summary>
/// Staff sign-in over HTTP, one at a time as people sign in: the password alone, and the password followed by an
/// authenticator code (two requests). The anchor is a plain signed-in request (GET /api/auth/me) in the same run.
/// </summary>
internal static class SignInScenario
{
    private const string Password = "Bench-sign-in-lantern-7";

    public static async Task<IEnumerable<ScenarioResult>> RunAsync(BenchOptions options, string kind)
    {
        var count = options.Quick ? 10 : 300;
        await using var database = await BenchDatabase.CreateAsync(kind, options);
        await using var host = await BenchHost.StartAsync(database, settings: new Dictionary<string, string?> { ["RateLimits:SignInsPerMinute"] = "1000000" });
        var key = await AccountsAsync(database);
        var address = new Uri(host.Address);

        using (await SignInAsync(address, "bench.plain", null))
        using (await SignInAsync(address, "bench.totp", key))
        {
            // One of each first, so neither path's first use (JIT, pools) is timed.
        }
        var anchor = new List<double>();
        using (var signedIn = await SignInAsync(address, "bench.plain", null))
        {
            for (var i = 0; i < count; i++)
            {
                var watch = Stopwatch.StartNew();
                (await signedIn.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
                anchor.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        var plain = await TimeAsync(count, () => SignInAsync(address, "bench.plain", null));
        var twoFactor = await TimeAsync(count, () => SignInAsync(address, "bench.totp", key));
        Console.WriteLine($"[{kind}] sign-in p50/p99: password {P(plain, 50):F1}/{P(plain, 99):F1} ms, with TOTP {P(twoFactor, 50):F1}/{P(twoFactor, 99):F1} ms; signed-in GET {P(anchor, 50):F1}/{P(anchor, 99):F1} ms");
        var note = $"{count} sign-ins one after another; the anchor is a signed-in GET /api/auth/me";
        return
        [
            new ScenarioResult("sign-in p50, password", kind, P(plain, 50), P(anchor, 50), "ms", 0, note) { MaxOurs = 250 },
            new ScenarioResult("sign-in p99, password", kind, P(plain, 99), P(anchor, 99), "ms", 0, note) { MaxOurs = 1000 },
            new ScenarioResult("sign-in p50, password + TOTP", kind, P(twoFactor, 50), P(anchor, 50), "ms", 0, note + "; two requests") { MaxOurs = 250 },
            new ScenarioResult("sign-in p99, password + TOTP", kind, P(twoFactor, 99), P(anchor, 99), "ms", 0, note + "; two requests") { MaxOurs = 1000 },
        ];
    }

    private static double P(List<double> times, int percentile)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static async Task<List<double>> TimeAsync(int count, Func<Task<HttpClient>> signIn)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var client = await signIn();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>Two grid workers with the same password, the second enrolled in the authenticator; returns its shared key.</summary>
    private static async Task<string> AccountsAsync(BenchDatabase database)
    {
        await using var scope = database.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var grid = (await IntakeScenario.FirstGridAsync(database)).Code;
        string? key = null;
        foreach (var name in new[] { "bench.plain", "bench.totp" })
        {
            var user = new StaffUser { UserName = name, DisplayName = "测速", Role = StaffRole.GridWorker, ScopeCode = grid };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            if (name == "bench.totp")
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
        }
        return key!;
    }

    /// <summary>A client signed in with the password and, given a key, the authenticator's current code.</summary>
    private static async Task<HttpClient> SignInAsync(Uri address, string userName, string? key)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        var first = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        first.EnsureSuccessStatusCode();
        if (key is not null)
        {
            if (first.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException("the enrolled account was not asked for a code");
            }
            (await client.PostAsJsonAsync("/api/auth/login/two-factor", new { code = Code(key, TimeProvider.System.GetUtcNow()) })).EnsureSuccessStatusCode();
        }
        return client;
    }

    /// <summary>What an authenticator app shows for the key (RFC 6238: HMAC-SHA1, 30-second steps, six digits).</summary>
    private static string Code(string sharedKey, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData([.. bytes], counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
