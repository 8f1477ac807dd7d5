using CivicGrid.App.Data;
using CivicGrid.App.Data.Writes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Notifications;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> e)
    {
        e.ToTable("InboxMessages");
        e.NotAudited();
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
        e.ToTable("OutboxMessages");
        e.NotAudited();
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
        e.ToTable("WebhookSubscriptions");
        e.Property(w => w.Name).HasMaxLength(100);
        e.Property(w => w.Url).HasMaxLength(500);
        e.Property(w => w.Secret).HasMaxLength(100);
    }
}

/// <summary>The module's tables, reached from the one database model as if it declared them.</summary>
public static class NotificationTables
{
    extension(CivicGridDbContext db)
    {
        public DbSet<InboxMessage> InboxMessages => db.Set<InboxMessage>();
        public DbSet<OutboxMessage> OutboxMessages => db.Set<OutboxMessage>();
        public DbSet<WebhookSubscription> WebhookSubscriptions => db.Set<WebhookSubscription>();
    }
}
