using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        builder.PrimitiveCollection(u => u.Cameras).ElementType(e => e.HasMaxLength(ItemRules.MaxCameraIdLength));
    }
}
