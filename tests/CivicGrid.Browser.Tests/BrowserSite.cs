using CivicGrid.App.Access;
using CivicGrid.Core.Access;
using CivicGrid.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CivicGrid.Browser.Tests;

/// <summary>The web host on a real Kestrel port and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserSite : IAsyncDisposable
{
    internal static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];

    /// <summary>
    /// One Playwright driver and one Chromium for the whole run: starting both for every journey was about a second of
    /// the two cores each. Journeys stay apart because each site's pages live in browser contexts of their own.
    /// </summary>
    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Shared = new(LaunchAsync);

    private readonly List<IBrowserContext> _contexts = [];
    private readonly ITestOutputHelper _output;

    private BrowserSite(TestDatabase database, CivicGridFactory factory, IPlaywright playwright, IBrowser browser, string address, ITestOutputHelper output)
    {
        Database = database;
        Factory = factory;
        Playwright = playwright;
        Browser = browser;
        Address = address;
        _output = output;
    }

    public TestDatabase Database { get; }
    public CivicGridFactory Factory { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public string Address { get; }

    /// <param name="output">
    /// The test's output, which gets the server's warnings and errors and what each open page shows when the site
    /// closes: a journey that fails then says whether the page failed or showed something else.
    /// </param>
    public static async Task<BrowserSite> StartAsync(DatabaseKind kind, ITestOutputHelper output)
    {
        var database = await TestDatabase.CreateSeededAsync(kind);
        var factory = CivicGridFactory.On(database);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        var (playwright, browser) = await Shared.Value;
        return new BrowserSite(database, factory, playwright, browser, address, output);
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        });
        return (playwright, browser);
    }

    /// <summary>A browser context of this site (in another browser if given), closed with the site.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options, IBrowser? browser = null)
    {
        options.BaseURL = Address;
        var context = await (browser ?? Browser).NewContextAsync(options);
        // Playwright's 30 s ran out for a published service's page once, when the machine was loaded beyond the suite's
        // own two lanes; waiting longer costs nothing while the journeys pass.
        context.SetDefaultTimeout(60_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        return context;
    }

    /// <summary>A fresh browser context (its own cookies) signed in as a new account of the role.</summary>
    public async Task<IPage> SignInAsync(StaffRole role, string scope, string? departmentCode = null)
    {
        var userName = await Factory.CreateAccountAsync(role, scope, departmentCode);
        return await SignInAsync(userName, new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
    }

    /// <summary>Opens <paramref name="user"/> with the tests' password, for roles whose ties (an enterprise, a business community) the plain accounts lack.</summary>
    public Task<string> OpenAccountAsync(StaffUser user) => Factory.AsSystemAsync(async sp =>
    {
        var created = await sp.GetRequiredService<UserManager<StaffUser>>().CreateAsync(user, CivicGridFactory.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return user.UserName!;
    });

    /// <summary>A fresh browser context of the given size and language (in another browser if given), signed in as an existing account.</summary>
    public async Task<IPage> SignInAsync(string userName, BrowserNewContextOptions options, IBrowser? browser = null)
    {
        var context = await NewContextAsync(options, browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", CivicGridFactory.Password);
        await page.ClickAsync("button[type=submit]");
        // Attached rather than visible: on a phone the menu holding it is folded away.
        await page.WaitForSelectorAsync("#who", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Keeps a screenshot with the test results, for people to look at.</summary>
    public static Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await JourneyReport.WriteAsync(_output, Factory.Logs, _contexts);
        foreach (var context in _contexts)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Its browser was a test's own and is closed already.
            }
        }
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
