using CivicGrid.App.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Notifications;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> e)
    {
        e.Property(m => m.UserId).HasMaxLength(450);
        e.Property(m => m.Title).HasMaxLength(200);
        e.Property(m => m.Body).HasMaxLength(2000);
        e.Property(m => m.Link).HasMaxLength(200);
        e.HasIndex(m => new { m.UserId, m.CreatedAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.Property(m => m.Target).HasMaxLength(200);
        e.Property(m => m.Subject).HasMaxLength(200);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Property(m => m.ClaimedBy).HasMaxLength(100);
        e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> e)
    {
        e.Property(w => w.Name).HasMaxLength(100);
        e.Property(w => w.Url).HasMaxLength(500);
        e.Property(w => w.Secret).HasMaxLength(100);
    }
}

internal sealed class IntegrationKeyConfiguration : IEntityTypeConfiguration<IntegrationKey>
{
    public void Configure(EntityTypeBuilder<IntegrationKey> e)
    {
        e.Property(k => k.Name).HasMaxLength(100);
        e.Property(k => k.KeyHash).HasMaxLength(64);
        e.Property(k => k.Prefix).HasMaxLength(12);
        e.HasIndex(k => k.KeyHash).IsUnique();
    }
}
