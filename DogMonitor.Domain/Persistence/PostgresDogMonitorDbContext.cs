using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Persistence;

/// <summary>Production metadata in PostgreSQL.</summary>
public sealed class PostgresDogMonitorDbContext(DbContextOptions<PostgresDogMonitorDbContext> options) : DogMonitorDbContext(options);
