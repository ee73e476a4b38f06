using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Persistence;

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail("Database:ConnectionString is required when Database:Provider is Postgres, e.g. Host=localhost;Database=dogmonitor;Username=dogmonitor;Password=secret.")
            : ValidateOptionsResult.Success;
}
