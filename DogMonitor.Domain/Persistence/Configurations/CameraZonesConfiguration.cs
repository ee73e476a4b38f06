using DogMonitor.Domain.Activity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence.Configurations;

public sealed class CameraZonesConfiguration : IEntityTypeConfiguration<CameraZones>
{
    public void Configure(EntityTypeBuilder<CameraZones> builder)
    {
        builder.ToTable("CameraZones");
        builder.HasKey(z => z.CameraId);
        builder.Property(z => z.CameraId).HasMaxLength(64);
        builder.PrimitiveCollection(z => z.IgnoreZones);
    }
}
