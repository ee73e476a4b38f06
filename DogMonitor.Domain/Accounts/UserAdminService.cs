using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Accounts;

/// <summary>
/// What an admin does to accounts. Every change that must end a user's sessions (disabled, new password) renews
/// their security stamp, which cookies and open pages are checked against.
/// </summary>
public sealed class UserAdminService(UserManager<AppUser> users, DogMonitorDbContext db, CameraCatalog catalog, AccountItems items, TimeProvider clock)
{
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

    /// <summary>Applies the change; null when there is no such user.</summary>
    public async Task<AppUser?> UpdateAsync(string id, UserChange change, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        var errors = new ValidationErrors();
        var role = change.Role is null ? user.Role : UserRules.ParseRole(change.Role, errors);
        var cameras = change.Cameras is null ? user.Cameras : UserRules.CheckCameras(change.Cameras, catalog, errors);
        var disabled = change.Disabled ?? user.Disabled;
        if (user.Role == UserRole.Admin && !user.Disabled && (role != UserRole.Admin || disabled) && !await AnotherActiveAdminAsync(user.Id, cancellationToken))
            errors.Add(change.Role is null ? "disabled" : "role", "This is the only active admin; make another admin first, or nobody could manage accounts.");
        if (!errors.IsEmpty) throw new RequestValidationException(errors);

        var endSessions = disabled && !user.Disabled;
        (user.Role, user.Cameras, user.Disabled) = (role!.Value, cameras, disabled);
        if (change.Password is { } password)
        {
            var reset = await ReplacePasswordAsync(user, password);
            if (!reset.Succeeded)
            {
                UserRules.AddErrors(reset, errors);
                throw new RequestValidationException(errors);
            }
            endSessions = true;
        }
        if (endSessions) await users.UpdateSecurityStampAsync(user);
        Check(await users.UpdateAsync(user));
        return user;
    }

    /// <summary>Deletes the account with everything it owns; false when there is no such user.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        if (user.Role == UserRole.Admin && !user.Disabled && !await AnotherActiveAdminAsync(user.Id, cancellationToken))
        {
            var errors = new ValidationErrors();
            errors.Add("id", "This is the only active admin; make another admin first, or nobody could manage accounts.");
            throw new RequestValidationException(errors);
        }
        await items.DeleteAllAsync(user.Id, cancellationToken);
        Check(await users.DeleteAsync(user));
        return true;
    }

    private async Task<IdentityResult> ReplacePasswordAsync(AppUser user, string password)
    {
        // Validate first, so a refused password leaves the old one in place.
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) return result;
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return IdentityResult.Success;
    }

    private Task<bool> AnotherActiveAdminAsync(string id, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id != id && u.Role == UserRole.Admin && !u.Disabled, cancellationToken);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("The account could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
