using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Owners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.OwnerId).HasMaxLength(OwnerOptions.MaxOwnerIdLength);
        builder.Property(k => k.Name).HasMaxLength(ApiKeyRules.MaxNameLength);
        builder.Property(k => k.Scope).HasConversion<string>().HasMaxLength(8);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecrets.PrefixLength);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => new { k.OwnerId, k.CreatedAt });
        // A key dies with its owner.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(k => k.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
