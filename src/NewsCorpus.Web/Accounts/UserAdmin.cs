using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace NewsCorpus.Web.Accounts;

/// <summary>Adding, listing and removing users and setting their role: what the <c>users</c> verbs and the admin page do.</summary>
public sealed class UserAdmin(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, ApiTokens tokens)
{
    public sealed record UserRow(string Id, string Email, string Role, bool LockedOut, int LiveTokens);

    /// <summary>Adds a user with one role; without a password, makes a random one. Returns the password, or the errors.</summary>
    public async Task<(string? Password, IReadOnlyList<string> Errors)> AddAsync(string email, string role, string? password, CancellationToken cancellationToken)
    {
        var roleName = AppRoles.Parse(role);
        if (roleName is null)
        {
            return (null, [$"Unknown role '{role}': use Reader, Editor or Admin."]);
        }

        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return (null, [$"A user {email} already exists."]);
        }

        password = string.IsNullOrEmpty(password) ? NewPassword() : password;
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, [.. created.Errors.Select(e => e.Description)]);
        }

        await EnsureRolesAsync();
        await users.AddToRoleAsync(user, roleName);
        cancellationToken.ThrowIfCancellationRequested();
        return (password, []);
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken))
        {
            var role = (await users.GetRolesAsync(user)).OrderByDescending(r => Array.IndexOf(AppRoles.All, r)).FirstOrDefault() ?? "none";
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, role, await users.IsLockedOutAsync(user), await tokens.LiveCountAsync(user.Id, cancellationToken)));
        }

        return rows;
    }

    /// <summary>Removes the user (their tokens go with them); false when there is no such user.</summary>
    public async Task<bool> RemoveAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        return user is not null && (await users.DeleteAsync(user)).Succeeded;
    }

    /// <summary>Gives the user exactly this role; false for an unknown user or role.</summary>
    public async Task<bool> SetRoleAsync(string email, string role)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        var roleName = AppRoles.Parse(role);
        if (user is null || roleName is null)
        {
            return false;
        }

        await EnsureRolesAsync();
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, roleName);
        // Signed-in sessions pick up the new role when their cookie is next validated.
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    public async Task<string?> NewTokenAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        return user is null ? null : await tokens.CreateAsync(user, cancellationToken);
    }

    public async Task<int?> RevokeTokensAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        return user is null ? null : await tokens.RevokeAllAsync(user.Id, cancellationToken);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    // 18 random bytes in base64url, with characters from each class Identity's default rules ask for.
    private static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_') + "aA1!";
}
