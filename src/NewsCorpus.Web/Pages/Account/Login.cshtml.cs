using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsCorpus.Web.Pages.Account;

/// <summary>Sign-in with email and password; repeated failures lock the account for a while.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required, DataType(DataType.Password), StringLength(200)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Problem = "Enter your email address and password.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {User} signed in", Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        logger.LogWarning("Failed sign-in for {User} (locked out: {LockedOut})", Email, result.IsLockedOut);
        Problem = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for a while. Try again later or ask an administrator."
            : "The email address or password is not right.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
