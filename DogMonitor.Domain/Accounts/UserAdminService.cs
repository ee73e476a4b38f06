using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Accounts;

/// <summary>
/// What an admin does to accounts. Every change that must end a user's sessions (disabled, new password) renews
/// their security stamp, which cookies and open pages are checked against.
/// </summary>
public sealed class UserAdminService(UserManager<AppUser> users, DogMonitorDbContext db, CameraCatalog catalog, AccountItems items, TimeProvider clock)
{
    // Changes to roles and accounts one at a time in this process, so two admins cannot each demote the other.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public Task<List<AppUser>> ListAsync(CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).ToListAsync(cancellationToken);

    public Task<AppUser?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<AppUser> CreateAsync(NewUser request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var role = UserRules.ParseRole(request.Role ?? "member", errors);
        var cameras = UserRules.CheckCameras(request.Cameras, catalog, errors);
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "email is required.");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "password is required.");
        if (!errors.IsEmpty) throw new RequestValidationException(errors);

        var email = request.Email!.Trim();
        var user = new AppUser { UserName = email, Email = email, Role = role!.Value, Cameras = cameras, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, request.Password!);
        if (!result.Succeeded)
        {
            UserRules.AddErrors(result, errors);
            throw new RequestValidationException(errors);
        }
        return user;
    }

    /// <summary>Applies the change, all of it or nothing; null when there is no such user.</summary>
    public async Task<AppUser?> UpdateAsync(string id, UserChange change, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return null;
            var errors = new ValidationErrors();
            var role = change.Role is null ? user.Role : UserRules.ParseRole(change.Role, errors);
            var cameras = change.Cameras is null ? user.Cameras : UserRules.CheckCameras(change.Cameras, catalog, errors);
            var disabled = change.Disabled ?? user.Disabled;
            if (change.Password is { } password) await CheckPasswordAsync(user, password, errors);
            if (!errors.IsEmpty) throw new RequestValidationException(errors);

            var endSessions = disabled && !user.Disabled;
            if (change.Password is { } newPassword)
            {
                user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
                (user.AccessFailedCount, user.LockoutEnd) = (0, null);
                endSessions = true;
            }
            (user.Role, user.Cameras, user.Disabled) = (role!.Value, cameras, disabled);
            // A new stamp: cookies and open pages made with the old one end at their next check.
            if (endSessions) user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Check(await users.UpdateAsync(user));
            await KeepAnAdminAsync(change.Role is null ? "disabled" : "role", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return user;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Deletes the account with everything it owns, rows in one transaction and then the media; false when there is
    /// no such user.
    /// </summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        IReadOnlyList<string> media;
        try
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            media = await items.DeleteRowsAsync(user.Id, cancellationToken);
            Check(await users.DeleteAsync(user));
            await KeepAnAdminAsync("id", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
        await items.DeleteObjectsAsync(id, media);
        return true;
    }

    private async Task CheckPasswordAsync(AppUser user, string password, ValidationErrors errors)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) UserRules.AddErrors(result, errors);
        }
    }

    /// <summary>Checked after the change, inside its transaction: undone if no active admin would be left.</summary>
    private async Task KeepAnAdminAsync(string field, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Role == UserRole.Admin && !u.Disabled, cancellationToken)) return;
        var errors = new ValidationErrors();
        errors.Add(field, "This is the only active admin; make another admin first, or nobody could manage accounts.");
        throw new RequestValidationException(errors);
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var errors = new ValidationErrors();
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            errors.Add("id", "Someone changed this account at the same moment; load it again and retry.");
        else
            UserRules.AddErrors(result, errors);
        throw new RequestValidationException(errors);
    }
}
