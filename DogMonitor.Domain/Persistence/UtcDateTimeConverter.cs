using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DogMonitor.Domain.Persistence;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
