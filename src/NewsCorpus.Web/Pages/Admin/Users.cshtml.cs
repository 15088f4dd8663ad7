using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCorpus.Web.Accounts;

namespace NewsCorpus.Web.Pages.Admin;

/// <summary>Admins add and remove users, set their role and revoke their API tokens. A new password or token is shown once.</summary>
[Authorize(Policy = AppPolicies.Admin)]
public sealed class UsersModel(UserAdmin admin, ILogger<UsersModel> logger) : PageModel
{
    public IReadOnlyList<UserAdmin.UserRow> Users { get; private set; } = [];

    [BindProperty, Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required]
    public string Role { get; set; } = AppRoles.Reader;

    /// <summary>What the last action did; a new password or token is part of it, shown this once.</summary>
    [TempData]
    public string? Outcome { get; set; }

    [TempData]
    public string? Secret { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await admin.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Done("Enter a valid email address and a role.", null);
        }

        var (password, errors) = await admin.AddAsync(Email, Role, null, cancellationToken);
        logger.LogInformation("User {Admin} added {User} as {Role}: {Succeeded}", User.Identity?.Name, Email, Role, password is not null);
        return Done(password is null ? string.Join(" ", errors) : $"Added {Email} as {AppRoles.Parse(Role)}. Their one-time password:", password);
    }

    public async Task<IActionResult> OnPostRoleAsync()
    {
        var done = Email != User.Identity?.Name && await admin.SetRoleAsync(Email, Role);
        return Done(done ? $"{Email} is now {AppRoles.Parse(Role)}." : $"The role of {Email} was not changed (your own role is changed by another admin).", null);
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var done = Email != User.Identity?.Name && await admin.RemoveAsync(Email);
        logger.LogInformation("User {Admin} removed {User}: {Succeeded}", User.Identity?.Name, Email, done);
        return Done(done ? $"Removed {Email}." : $"{Email} was not removed (you cannot remove yourself).", null);
    }

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken cancellationToken)
    {
        var token = await admin.NewTokenAsync(Email, cancellationToken);
        return Done(token is null ? $"No user {Email}." : $"A new API token for {Email}; copy it now, it is not shown again:", token);
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        var count = await admin.RevokeTokensAsync(Email, cancellationToken);
        return Done(count is null ? $"No user {Email}." : $"Revoked {count} API token(s) of {Email}.", null);
    }

    // Post, then redirect: a reload does not repeat the action, and the secret is gone after one showing.
    private RedirectToPageResult Done(string outcome, string? secret)
    {
        Outcome = outcome;
        Secret = secret;
        return RedirectToPage();
    }
}
