using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Notifications;

internal static class NotificationsModule
{
    /// <summary>The senders the outbox delivers through; the handlers are registered with every other use case.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<IMailer, SmtpMailer>();
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = WebhookSender.Timeout)
            // A subscriber's redirect is a failure to look into, not an address to follow.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IWebhookSender, WebhookSender>();
        AddSms(services, configuration);
        return services;
    }

    /// <summary>The gateway when its URL is set, otherwise the folder sink.</summary>
    private static void AddSms(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Sms.SmsOptions.Section);
        services.Configure<Sms.SmsOptions>(section);
        var settings = section.Get<Sms.SmsOptions>() ?? new Sms.SmsOptions();
        if (!string.IsNullOrWhiteSpace(settings.GatewayUrl))
        {
            services.AddHttpClient<Sms.ISmsSender, Sms.HttpSmsGateway>(Sms.HttpSmsGateway.ClientName, c => c.Timeout = Sms.HttpSmsGateway.Timeout)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
            return;
        }
        var directory = settings.SinkDirectory ?? Path.Combine(Path.GetTempPath(), "civicgrid-sms");
        services.AddSingleton<Sms.ISmsSender>(sp => new Sms.FolderSmsSink(directory, sp.GetRequiredService<TimeProvider>()));
    }
}
