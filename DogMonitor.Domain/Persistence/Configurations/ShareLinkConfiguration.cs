using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence.Configurations;

public sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        // A link opens one clip or one snapshot, never both or neither. Column names are the snake_case ones
        // SnakeCaseNames gives, and the expression is the same in SQLite and PostgreSQL.
        builder.ToTable("ShareLinks", table => table.HasCheckConstraint("ck_share_links_exactly_one_item",
            "(clip_id IS NULL) <> (snapshot_id IS NULL)"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OwnerId).HasMaxLength(OwnerOptions.MaxOwnerIdLength);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        // Deleting the item deletes its links: the page then says "no such link" (404).
        builder.HasOne<Clip>().WithMany().HasForeignKey(s => s.ClipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Snapshot>().WithMany().HasForeignKey(s => s.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SnapshotId);
    }
}
