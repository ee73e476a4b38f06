using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Hosting;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Accounts on ASP.NET Core Identity in the app's own database: PBKDF2-SHA256 passwords of at least twelve
    /// characters that are not among the commonest, lockout after repeated failures, passkeys, API keys. The web host
    /// adds what needs its framework (sign-in, token providers).
    /// </summary>
    public static IdentityBuilder AddAccounts(this IServiceCollection services)
    {
        services.AddDogMonitorDatabase();
        services.AddCameras();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OwnerOptions>().BindConfiguration(OwnerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPasswordHasher<AppUser>, Pbkdf2PasswordHasher>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddScoped<AccountItems>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<FirstAdmin>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.User.RequireUniqueEmail = true;
            identity.User.AllowedUserNameCharacters += "+";
            identity.Password.RequiredLength = AccountOptions.MinPasswordLength;
            // Length and the common-password list, not composition rules: NIST SP 800-63B.
            (identity.Password.RequireDigit, identity.Password.RequireLowercase, identity.Password.RequireUppercase, identity.Password.RequireNonAlphanumeric) = (false, false, false, false);
            identity.Password.RequiredUniqueChars = 4;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.LockoutFailures;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
        });
        return services.AddIdentityCore<AppUser>()
            .AddEntityFrameworkStores<DogMonitorDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();
    }
}
