using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Accounts;

/// <summary>
/// The first account of an installation: an admin, made once, who inherits the items kept before sign-in existed.
/// </summary>
public sealed partial class FirstAdmin(
    UserManager<AppUser> users, DogMonitorDbContext db, AccountItems items, IOptions<OwnerOptions> owner, TimeProvider clock, ILogger<FirstAdmin> logger)
{
    // One process makes the first admin; two setup forms sent at once must not both succeed.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken) => !await db.Users.AnyAsync(cancellationToken);

    /// <summary>Creates the admin; false when an account exists already (nothing is changed then).</summary>
    public async Task<bool> CreateAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (await db.Users.AnyAsync(cancellationToken)) return false;
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(email)) errors.Add("email", "email is required.");
            if (string.IsNullOrEmpty(password)) errors.Add("password", "password is required.");
            if (!errors.IsEmpty) throw new RequestValidationException(errors);

            var user = new AppUser { UserName = email!.Trim(), Email = email.Trim(), Role = UserRole.Admin, CreatedAt = clock.GetUtcNow().UtcDateTime };
            // The admin and the items they inherit, together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.CreateAsync(user, password!);
            if (!result.Succeeded)
            {
                UserRules.AddErrors(result, errors);
                throw new RequestValidationException(errors);
            }
            var moved = await items.MoveAsync(owner.Value.LocalOwnerId, user.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogCreated(logger, user.Email, moved);
            return true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Items that still carry the old local owner (written by an older version, or by a second process, after the first
    /// admin was made) go to the oldest admin; run at every start.
    /// </summary>
    public async Task AdoptLeftoversAsync(CancellationToken cancellationToken)
    {
        var local = owner.Value.LocalOwnerId;
        if (!await db.Snapshots.AnyAsync(s => s.OwnerId == local, cancellationToken) && !await db.Clips.AnyAsync(c => c.OwnerId == local, cancellationToken)) return;
        var admin = await db.Users.Where(u => u.Role == UserRole.Admin).OrderBy(u => u.CreatedAt).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(cancellationToken);
        if (admin is null) return;
        LogAdopted(logger, admin.Email, await items.MoveAsync(local, admin.Id, cancellationToken));
    }

    [LoggerMessage(LogLevel.Information, "{Moved} items kept before sign-in now belong to the admin {Email}")]
    private static partial void LogAdopted(ILogger logger, string? email, int moved);

    [LoggerMessage(LogLevel.Information, "First admin {Email} created; {Moved} items kept before sign-in now belong to them")]
    private static partial void LogCreated(ILogger logger, string email, int moved);
}
