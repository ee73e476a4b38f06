using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Owners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence.Configurations;

public sealed class MomentConfiguration : IEntityTypeConfiguration<Moment>
{
    public void Configure(EntityTypeBuilder<Moment> builder)
    {
        builder.ToTable("Moments");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.CameraId).HasMaxLength(64);
        builder.Property(m => m.Kinds).HasConversion<int>();
        // The moment goes with its clip (retention deletes the clip).
        builder.HasOne<Clip>().WithMany().HasForeignKey(m => m.ClipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.ClipId).IsUnique();
        // Newest first per camera, keyset-paged by (started_at, id).
        builder.HasIndex(m => new { m.CameraId, m.StartedAt, m.Id });
        builder.HasIndex(m => new { m.StartedAt, m.Id });
    }
}

public sealed class MomentReviewConfiguration : IEntityTypeConfiguration<MomentReview>
{
    public void Configure(EntityTypeBuilder<MomentReview> builder)
    {
        builder.ToTable("MomentReviews");
        builder.HasKey(r => new { r.MomentId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(OwnerOptions.MaxOwnerIdLength);
        builder.HasOne<Moment>().WithMany().HasForeignKey(r => r.MomentId).OnDelete(DeleteBehavior.Cascade);
    }
}
