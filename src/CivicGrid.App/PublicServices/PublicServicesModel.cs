using CivicGrid.Core.People;
using CivicGrid.Core.PublicServices;
using CivicGrid.Core.PublicServices.Catalogue;
using CivicGrid.Core.PublicServices.Enrolment;
using CivicGrid.Core.PublicServices.Facilities;
using CivicGrid.Core.PublicServices.LifeEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.PublicServices;

internal sealed class FacilityTypeConfiguration : IEntityTypeConfiguration<FacilityType>
{
    public void Configure(EntityTypeBuilder<FacilityType> e)
    {
        e.HasKey(t => t.Code);
        e.Property(t => t.Code).HasMaxLength(20);
        e.Property(t => t.Name).HasMaxLength(40);
    }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> e)
    {
        e.Property(f => f.Name).HasMaxLength(100);
        e.Property(f => f.TypeCode).HasMaxLength(20);
        e.Property(f => f.GridCode).HasMaxLength(15);
        e.Property(f => f.Address).HasMaxLength(240);
        e.Property(f => f.OpeningHours).HasMaxLength(100);
        e.Property(f => f.Operator).HasMaxLength(100);
        e.HasOne(f => f.Type).WithMany().HasForeignKey(f => f.TypeCode).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(f => f.Services).WithMany(s => s.Facilities).UsingEntity("FacilityServices");
        e.HasIndex(f => f.GridCode);
        e.HasIndex(f => f.TypeCode);
    }
}

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> e)
    {
        e.Property(s => s.Code).HasMaxLength(20);
        e.Property(s => s.Name).HasMaxLength(100);
        e.Property(s => s.Description).HasMaxLength(1000);
        e.HasIndex(s => s.Code).IsUnique();
        e.HasMany(s => s.Rules).WithOne().HasForeignKey(r => r.ServiceItemId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(s => s.IsPublished);
        e.Ignore(s => s.PublishedRule);
    }
}

internal sealed class EligibilityRuleConfiguration : IEntityTypeConfiguration<EligibilityRule>
{
    public void Configure(EntityTypeBuilder<EligibilityRule> e)
    {
        e.Property(r => r.Text).HasMaxLength(4000);
        e.Property(r => r.Author).HasMaxLength(100);
        e.HasIndex(r => new { r.ServiceItemId, r.Version }).IsUnique();
    }
}

internal sealed class ServiceEnrolmentConfiguration : IEntityTypeConfiguration<ServiceEnrolment>
{
    public void Configure(EntityTypeBuilder<ServiceEnrolment> e)
    {
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.ServiceItemId, x.ResidentId }).IsUnique();
        e.HasIndex(x => x.ResidentId);
        e.HasIndex(x => new { x.ServiceItemId, x.Status });
        e.HasIndex(x => x.FacilityId);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LifeEventConfiguration : IEntityTypeConfiguration<LifeEvent>
{
    public void Configure(EntityTypeBuilder<LifeEvent> e)
    {
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.RecordedBy).HasMaxLength(100);
        e.Property(x => x.BundleAcceptedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.ResidentId, x.Kind, x.OccurredOn }).IsUnique();
        e.HasIndex(x => x.GridCode);
        e.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VisitTaskConfiguration : IEntityTypeConfiguration<VisitTask>
{
    public void Configure(EntityTypeBuilder<VisitTask> e)
    {
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.Reason).HasMaxLength(200);
        e.Property(x => x.DoneBy).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.GridCode, x.DoneAt });
        e.HasIndex(x => new { x.ResidentId, x.ServiceItemId });
        e.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
