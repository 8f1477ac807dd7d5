using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.App.Notifications;

public static class NotificationServices
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
        return services;
    }
}
