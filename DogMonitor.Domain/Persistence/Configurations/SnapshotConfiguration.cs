using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence.Configurations;

public sealed class SnapshotConfiguration : IEntityTypeConfiguration<Snapshot>
{
    public void Configure(EntityTypeBuilder<Snapshot> builder)
    {
        builder.ToTable("Snapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OwnerId).HasMaxLength(OwnerOptions.MaxOwnerIdLength);
        builder.Property(s => s.CameraId).HasMaxLength(ItemRules.MaxCameraIdLength);
        builder.Property(s => s.Note).HasMaxLength(ItemRules.MaxNoteLength);
        builder.Property(s => s.ContentType).HasMaxLength(64);
        builder.Property(s => s.ImageKey).HasMaxLength(512);
        builder.Property(s => s.ThumbnailKey).HasMaxLength(512);
        builder.PrimitiveCollection(s => s.Labels);

        // Keyset pagination walks these newest-first, so a page costs the same at any depth.
        builder.HasIndex(s => new { s.OwnerId, s.Timestamp, s.Id }).IsDescending(false, true, true);
        builder.HasIndex(s => new { s.OwnerId, s.CameraId, s.Timestamp, s.Id }).IsDescending(false, false, true, true);
    }
}
