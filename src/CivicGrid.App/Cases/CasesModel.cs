using CivicGrid.App.Data.Writes;
using System.Text.Json;
using CivicGrid.Core.Cases;
using CivicGrid.Core.Enterprises;
using CivicGrid.Core.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.Property(c => c.ItemCode).HasMaxLength(10);
        e.Property(c => c.GridCode).HasMaxLength(15);
        e.Property(c => c.Description).HasMaxLength(2000);
        e.Property(c => c.Address).HasMaxLength(200);
        e.Property(c => c.SubmitterId).HasMaxLength(450);
        e.Property(c => c.ContactName).HasMaxLength(50);
        e.Property(c => c.ContactEmail).HasMaxLength(200);
        e.Property(c => c.ContactPhoneMasked).HasMaxLength(20);
        e.Property(c => c.AttributesJson).HasMaxLength(4000);
        e.Property(c => c.Token).HasMaxLength(40);
        e.Property(c => c.DepartmentCode).HasMaxLength(10);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.OwnerCode);
        e.Ignore(c => c.CurrentDeadline);
        e.Ignore(c => c.IsRated);
        e.HasMany(c => c.Timeline).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => c.GridCode);
        e.HasIndex(c => c.DepartmentCode);
        e.HasIndex(c => c.SubmitterId);
        e.HasIndex(c => new { c.ItemCode, c.Status });
        e.HasIndex(c => new { c.Status, c.RespondBy });
        e.HasIndex(c => new { c.Status, c.ResolveBy });
        // Receipt time first, then every column the hotspot finder and the rising trends read, so both answer from
        // the index alone over a month or four of the district's cases.
        e.HasIndex(c => new { c.ReceivedAt, c.ItemCode, c.GridCode, c.Status, c.Latitude, c.Longitude, c.Id }, "IX_Cases_ReceivedAt_Figures");
        e.HasIndex(c => c.Token).IsUnique();
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.NotAudited();
        e.Property(t => t.Actor).HasMaxLength(100);
        e.Property(t => t.Note).HasMaxLength(2000);
        e.Property(t => t.Attachments).HasMaxLength(400);
        e.HasIndex(t => t.CaseId);
    }
}

internal sealed class DeliberationItemConfiguration : IEntityTypeConfiguration<DeliberationItem>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<DeliberationItem> e)
    {
        e.HasKey(i => i.Code);
        e.Property(i => i.Code).HasMaxLength(10);
        e.Property(i => i.Category).HasMaxLength(50);
        e.Property(i => i.Name).HasMaxLength(100);
        e.Property(i => i.Description).HasMaxLength(500);
        e.Property(i => i.DepartmentCode).HasMaxLength(10);
        e.Ignore(i => i.FirstLevel);
        e.Property(i => i.ResponseDeadline).HasConversion(d => Write(d), s => Read(s)).HasMaxLength(10);
        e.Property(i => i.ResolveDeadline).HasConversion(d => Write(d), s => Read(s)).HasMaxLength(10);
        e.Property(i => i.Attributes).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<ItemQuestion>>(s, Json) ?? new List<ItemQuestion>(),
                new ValueComparer<List<ItemQuestion>>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json), v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal), v => v.ToList()))
            .HasMaxLength(4000);
    }

    private static string Write(Deadline d) => $"{d.Amount}{(d.Unit == DeadlineUnit.WorkingHours ? 'h' : 'd')}";

    private static Deadline Read(string s) => new(int.Parse(s[..^1], System.Globalization.CultureInfo.InvariantCulture), s[^1] == 'h' ? DeadlineUnit.WorkingHours : DeadlineUnit.WorkingDays);
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.HasKey(d => d.Code);
        e.Property(d => d.Code).HasMaxLength(10);
        e.Property(d => d.Name).HasMaxLength(100);
        e.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> e)
    {
        e.HasKey(h => h.Date);
        e.Property(h => h.Name).HasMaxLength(50);
    }
}

internal sealed class ThinkTankGroupConfiguration : IEntityTypeConfiguration<ThinkTankGroup>
{
    public void Configure(EntityTypeBuilder<ThinkTankGroup> e)
    {
        e.Property(g => g.Name).HasMaxLength(50);
        e.Property(g => g.Description).HasMaxLength(200);
        e.HasIndex(g => g.Name).IsUnique();
    }
}

internal sealed class DeliberationDayConfiguration : IEntityTypeConfiguration<DeliberationDay>
{
    public void Configure(EntityTypeBuilder<DeliberationDay> e)
    {
        e.Property(d => d.HostCode).HasMaxLength(15);
        e.Property(d => d.Title).HasMaxLength(100);
        e.Property(d => d.Place).HasMaxLength(100);
        e.Property(d => d.Minutes).HasMaxLength(8000);
        e.Property(d => d.IndustryGroup).HasMaxLength(30);
        e.Ignore(d => d.IsHeld);
        e.Ignore(d => d.IsRedTea);
        e.HasIndex(d => d.HostCode);
        e.HasOne<BusinessCommunity>().WithMany().HasForeignKey(d => d.BusinessCommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(d => d.Participants).WithOne().HasForeignKey(p => p.DeliberationDayId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(d => d.Options).WithOne().HasForeignKey(o => o.DeliberationDayId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(d => d.Tasks).WithOne().HasForeignKey(t => t.DeliberationDayId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliberationParticipantConfiguration : IEntityTypeConfiguration<DeliberationParticipant>
{
    public void Configure(EntityTypeBuilder<DeliberationParticipant> e)
    {
        e.Property(p => p.Name).HasMaxLength(50);
        e.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeliberationOptionConfiguration : IEntityTypeConfiguration<DeliberationOption>
{
    public void Configure(EntityTypeBuilder<DeliberationOption> e) => e.Property(o => o.Text).HasMaxLength(1000);
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> e)
    {
        e.Property(t => t.Title).HasMaxLength(200);
        e.Property(t => t.Owner).HasMaxLength(100);
        e.HasIndex(t => t.CaseId);
    }
}

internal sealed class CaseMonthlyStatConfiguration : IEntityTypeConfiguration<CaseMonthlyStat>
{
    public void Configure(EntityTypeBuilder<CaseMonthlyStat> e)
    {
        // Figures derived from the cases, whose own writes are audited.
        e.NotAudited();
        e.HasKey(s => new { s.Month, s.GridCode, s.ItemCode, s.DepartmentCode });
        e.Property(s => s.Month).HasMaxLength(7);
        e.Property(s => s.GridCode).HasMaxLength(15);
        e.Property(s => s.ItemCode).HasMaxLength(10);
        e.Property(s => s.DepartmentCode).HasMaxLength(10);
        e.Ignore(s => s.Counts);
        e.HasIndex(s => new { s.DepartmentCode, s.Month });
    }
}

internal sealed class CaseMonthlyStreetStatConfiguration : IEntityTypeConfiguration<CaseMonthlyStreetStat>
{
    public void Configure(EntityTypeBuilder<CaseMonthlyStreetStat> e)
    {
        e.NotAudited();
        e.HasKey(s => new { s.Month, s.StreetCode, s.ItemCode, s.DepartmentCode });
        e.Property(s => s.Month).HasMaxLength(7);
        e.Property(s => s.StreetCode).HasMaxLength(9);
        e.Property(s => s.ItemCode).HasMaxLength(10);
        e.Property(s => s.DepartmentCode).HasMaxLength(10);
        e.Ignore(s => s.Counts);
    }
}

internal sealed class CaseSupportConfiguration : IEntityTypeConfiguration<CaseSupport>
{
    public void Configure(EntityTypeBuilder<CaseSupport> e)
    {
        e.NotAudited();
        e.HasKey(s => new { s.CaseId, s.UserId });
        e.Property(s => s.UserId).HasMaxLength(450);
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> e)
    {
        e.Property(a => a.Id).HasMaxLength(40);
        e.Property(a => a.ContentType).HasMaxLength(40);
        e.Property(a => a.UploadedBy).HasMaxLength(100);
        e.HasIndex(a => a.CaseId);
        e.HasIndex(a => a.VisitId);
        e.HasIndex(a => a.ProgressId);
    }
}
