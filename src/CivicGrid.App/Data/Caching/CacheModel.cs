using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.App.Data.Caching;

internal sealed class CacheVersionConfiguration : IEntityTypeConfiguration<CacheVersion>
{
    public void Configure(EntityTypeBuilder<CacheVersion> e)
    {
        e.HasKey(v => v.Name);
        e.Property(v => v.Name).HasMaxLength(40);
        e.HasData(CachedData.All.Select(name => new CacheVersion { Name = name }));
    }
}
