using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Validation;
using System.Text.Json;
using DogMonitor.Domain.Recording;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence.Configurations;

public sealed class ClipConfiguration : IEntityTypeConfiguration<Clip>
{
    public void Configure(EntityTypeBuilder<Clip> builder)
    {
        builder.ToTable("Clips");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.OwnerId).HasMaxLength(OwnerOptions.MaxOwnerIdLength);
        builder.Property(c => c.CameraId).HasMaxLength(ItemRules.MaxCameraIdLength);
        builder.Property(c => c.Note).HasMaxLength(ItemRules.MaxNoteLength);
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Error).HasMaxLength(1000);
        builder.Property(c => c.VideoKey).HasMaxLength(512);
        builder.Property(c => c.PreviewKey).HasMaxLength(512);
        builder.Property(c => c.PreviewSpriteKey).HasMaxLength(512);
        builder.PrimitiveCollection(c => c.Labels);
        // A few spans at most, read with the clip: JSON text, [] for none.
        builder.Property(c => c.Gaps)
            .HasConversion(
                gaps => JsonSerializer.Serialize(gaps, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<BufferSpan>>(json, JsonSerializerOptions.Default) ?? new List<BufferSpan>(),
                new ValueComparer<List<BufferSpan>>((a, b) => a!.SequenceEqual(b!), gaps => gaps.Aggregate(0, (hash, gap) => HashCode.Combine(hash, gap)), gaps => gaps.ToList()))
            .HasMaxLength(4000)
            .HasDefaultValue(new List<BufferSpan>());

        builder.HasIndex(c => new { c.OwnerId, c.Timestamp, c.Id }).IsDescending(false, true, true);
        builder.HasIndex(c => new { c.OwnerId, c.CameraId, c.Timestamp, c.Id }).IsDescending(false, false, true, true);
        // The lease sweeper looks for queued and lapsed processing clips.
        builder.HasIndex(c => new { c.Status, c.LeaseUntil });
    }
}
