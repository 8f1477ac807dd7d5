using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CivicGrid.App;
using CivicGrid.App.Access;
using CivicGrid.App.Cases;
using CivicGrid.App.Data;
using CivicGrid.App.Security;
using CivicGrid.App.Security.KeyRing;
using CivicGrid.Core.Access;
using CivicGrid.Data.Postgres;
using CivicGrid.Data.Sqlite;
using CivicGrid.Web.Activities;
using CivicGrid.Web.Access;
using CivicGrid.Web.Accounts;
using CivicGrid.Web.Admin;
using CivicGrid.Web.Cases;
using CivicGrid.Web.CashBenefits;
using CivicGrid.Web.Cases.Dashboard;
using CivicGrid.Web.Assessment;
using CivicGrid.Web.Cockpit;
using CivicGrid.Web.Community;
using CivicGrid.Web.Hotspots;
using CivicGrid.Web.Components;
using CivicGrid.Web.Enterprises;
using CivicGrid.Web.Enterprises.Contacts;
using CivicGrid.Web.Enterprises.Sweeps;
using CivicGrid.Web.GridWork;
using CivicGrid.Web.Imports;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Open311;
using CivicGrid.Web.People;
using CivicGrid.Web.Projects;
using CivicGrid.Web.PublicServices;
using CivicGrid.Web.PublicServices.Coverage;
using CivicGrid.Web.PublicServices.Facilities;
using CivicGrid.Web.Projects.Blockers;
using CivicGrid.Web.Projects.Reports;
using CivicGrid.Web.Territory;
using CivicGrid.Web.Visits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace CivicGrid.Web.Hosting;

public static class CivicGridHost
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static WebApplicationBuilder AddCivicGrid(this WebApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration["DataDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data");
        EmbeddedDefaults.Apply(builder.Configuration, dataDirectory);
        // Serves the framework's and libraries' assets when run from the build output, as `dotnet run` does.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddCivicGridApp(builder.Configuration, new SqliteProvider(), new PostgresProvider());
        builder.Services.Configure<HostOptions>(builder.Configuration.GetSection("Host"));
        builder.Services.Configure<MapOptions>(builder.Configuration.GetSection(MapOptions.Section));
        builder.Services.AddSingleton(new DataDirectory(dataDirectory));
        builder.Services.AddSingleton<ImportUploads>();
        builder.Services.AddSingleton(new AttachmentStore(Path.Combine(dataDirectory, "attachments")));
        if (builder.Configuration.GetValue("Deadlines:Enabled", true))
        {
            builder.Services.AddHostedService<DeadlineWatch>();
            builder.Services.AddHostedService<EscalatedNeedWatch>();
        }
        if (builder.Configuration.GetValue("Services:SweepEnabled", true))
        {
            builder.Services.AddHostedService<ServiceWatch>();
        }
        if (builder.Configuration.GetValue("ProjectReports:Enabled", true))
        {
            builder.Services.AddHostedService<ProjectReportWatch>();
        }
        if (builder.Configuration.GetValue("DistrictReports:Enabled", true))
        {
            builder.Services.AddHostedService<DistrictReportWatch>();
        }
        if (builder.Configuration.GetValue("AssessmentReviews:Enabled", true))
        {
            builder.Services.AddHostedService<ReviewWatch>();
        }
        builder.Services.AddHostedService<AuditLinker>();
        if (builder.Configuration.GetValue("WarmUp:Enabled", true))
        {
            builder.Services.AddSingleton<WarmUp>();
            builder.Services.AddHostedService(services => services.GetRequiredService<WarmUp>());
        }
        builder.Services.AddOutboxDelivery(builder.Configuration);

        builder.Services.AddDataProtection().SetApplicationName("CivicGrid").PersistKeysToDatabase();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        var sessions = builder.Configuration.GetSection(SessionLimits.Section).Get<SessionLimits>() ?? new SessionLimits();
        builder.Services.ConfigureApplicationCookie(o => CookiePolicy.Configure(o, sessions));
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        builder.Services.AddScoped<IUserClaimsPrincipalFactory<StaffUser>, StaffClaimsFactory>();
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var (policy, permission) in Policies.Permissions)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => StaffClaims.Role(c.User)?.May(permission) == true));
        }
        foreach (var (policy, rule) in Policies.Rules)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => StaffClaims.Role(c.User) is { } role && rule(role)));
        }
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();

        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<UntranslatedText.Reports>();
        builder.Services.AddTransient<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, UntranslatedText>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        // Chinese text goes out as text, not as numeric character references; HTML-significant characters are still encoded.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddProblemDetails();
        // Binding failures throw, so BadInput can answer them with a Chinese reason instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<Readiness>("readiness", tags: [Readiness.Tag]);
        var signInsPerMinute = builder.Configuration.GetValue("RateLimits:SignInsPerMinute", 20);
        var casesPerMinute = builder.Configuration.GetValue("RateLimits:CasesPerMinute", 30);
        var wishesPerMinute = builder.Configuration.GetValue("RateLimits:WishesPerMinute", 10);
        var contactSignUpsPerMinute = builder.Configuration.GetValue("RateLimits:ContactSignUpsPerMinute", 5);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var signIns = new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) };
            o.AddPolicy(RateLimits.SignIn, context => RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => signIns));
            // The sign-in page posts its form to itself; those posts get a budget of the same size, so guessing passwords
            // across accounts is as slow through the page as through the API.
            // Employees state wishes without an account, so the public wish form and its API share one budget per address.
            var wishes = new FixedWindowRateLimiterOptions { PermitLimit = wishesPerMinute, Window = TimeSpan.FromMinutes(1) };
            // Asking to be an enterprise's contact is public too, with a smaller budget of its own per address.
            var contactSignUps = new FixedWindowRateLimiterOptions { PermitLimit = contactSignUpsPerMinute, Window = TimeSpan.FromMinutes(1) };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => context.Request switch
            {
                { Method: "POST" } r when r.Path.StartsWithSegments("/account/login", StringComparison.OrdinalIgnoreCase) =>
                    RateLimitPartition.GetFixedWindowLimiter($"page:{context.Connection.RemoteIpAddress}", _ => signIns),
                { Method: "POST" } r when r.Path.StartsWithSegments("/wishes", StringComparison.OrdinalIgnoreCase)
                    || r.Path.StartsWithSegments("/api/wishes", StringComparison.OrdinalIgnoreCase) =>
                    RateLimitPartition.GetFixedWindowLimiter($"wish:{context.Connection.RemoteIpAddress}", _ => wishes),
                { Method: "POST" } r when r.Path.StartsWithSegments("/enterprise-contacts/sign-up", StringComparison.OrdinalIgnoreCase)
                    || r.Path.StartsWithSegments("/api/enterprise-contacts/sign-up", StringComparison.OrdinalIgnoreCase) =>
                    RateLimitPartition.GetFixedWindowLimiter($"contact:{context.Connection.RemoteIpAddress}", _ => contactSignUps),
                _ => RateLimitPartition.GetNoLimiter(""),
            });
            // Per account: one person, or one grid worker recording a round of visits, raises a few cases a minute, not hundreds.
            o.AddPolicy(RateLimits.CaseIntake, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = casesPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.Services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, builder.Configuration));
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = ImportUploads.MaxBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = BadInput.MaxUploadBytes);
        return builder;
    }

    public static WebApplication UseCivicGrid(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        if (TrustedProxies.Any(app.Configuration))
        {
            // Before everything that reads the client's address: rate limits, the audit log, Open311 intake.
            app.UseForwardedHeaders();
        }
        app.UseStatusCodePages(StatusPages.Write);
        app.UseMiddleware<BadInput>();
        app.UseMiddleware<DatabaseOutage>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        // After authentication, so limits can be kept per account as well as per address.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<JurisdictionMiddleware>();
        app.UseMiddleware<ReadYourWritesCookie>();
        // A password someone else chose is changed first; then a role that needs a second factor enrols one.
        app.UseMiddleware<PasswordChangeGate>();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(BadInput.RefuseForgedFormsAsync);
        app.UseMiddleware<ApiAntiforgery>();

        app.MapStaticAssets();
        // Alive: the process answers and reaches the database. Ready: also started and not draining.
        app.MapHealthChecks("/health", new() { Predicate = check => !check.Tags.Contains(Readiness.Tag) });
        app.MapHealthChecks("/health/ready");
        app.MapOpenApi();
        // One root for every endpoint, so the error shapes the pipeline answers with are named in the OpenAPI document.
        var endpoints = app.MapGroup("").WithErrorShapes();
        endpoints.MapAccount();
        endpoints.MapAccountAdministration();
        endpoints.MapTerritory();
        endpoints.MapPeople();
        endpoints.MapEnterprises();
        endpoints.MapEnterpriseLists();
        endpoints.MapContactSignUps();
        endpoints.MapChallengesAndAlignment();
        endpoints.MapProjects();
        endpoints.MapActivities();
        endpoints.MapTeams();
        endpoints.MapSweeps();
        endpoints.MapImports();
        endpoints.MapAdmin();
        endpoints.MapCases();
        endpoints.MapDeliberation();
        endpoints.MapCaseReference();
        endpoints.MapGridWork();
        endpoints.MapVisits();
        endpoints.MapNotifications();
        endpoints.MapOpen311();
        endpoints.MapIndicators();
        endpoints.MapServices();
        endpoints.MapFacilities();
        endpoints.MapCoverage();
        endpoints.MapProjectReports();
        endpoints.MapProjectBlockers();
        endpoints.MapCommunity();
        endpoints.MapHotspots();
        endpoints.MapCockpit();
        endpoints.MapAssessment();
        endpoints.MapCashBenefits();
        app.MapRazorComponents<AppRoot>();
        return app;
    }
}

/// <summary>Where the embedded database, generated keys and uploads live.</summary>
public sealed record DataDirectory(string Path);

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string CaseIntake = "case-intake";
}
