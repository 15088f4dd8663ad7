using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsCorpus.Web.Pages;

/// <summary>The friendly page shown for 404 and other error status codes on pages.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "";

    public void OnGet(int code)
    {
        // Opened directly rather than shown for another request's status: there is no such page.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            code = StatusCodes.Status404NotFound;
            Response.StatusCode = code;
        }

        (Heading, Message) = code switch
        {
            404 => ("Page not found", "There is nothing at this address. The article may have been removed, or the link may be mistyped."),
            400 => ("Bad request", "The request could not be understood. Check the address and try again."),
            403 => ("Not allowed", "Your account may not do this. Ask an administrator for the Editor role."),
            429 => ("Too many requests", "Too many attempts in a short time. Wait a minute and try again."),
            _ => ("Something went wrong", $"The server answered with status {code}."),
        };
    }
}
