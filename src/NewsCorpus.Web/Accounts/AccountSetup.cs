using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Accounts;

/// <summary>Accounts on ASP.NET Core Identity: users and roles in the corpus database, cookie sign-in for pages, tokens for the API.</summary>
public static class AccountSetup
{
    /// <summary>Picks the bearer handler for a request that carries a token and the cookie otherwise.</summary>
    public const string Scheme = "NewsCorpus";

    /// <summary>Users, roles and tokens: what the web app and the <c>users</c> verbs share.</summary>
    public static IServiceCollection AddNewsCorpusUsers(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = auth.LockoutFailures;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.LockoutMinutes);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsCorpusDbContext>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<UserAdmin>();
        return services;
    }

    /// <summary>Sign-in, the policies, and the limits on sign-in attempts and changes.</summary>
    public static IServiceCollection AddNewsCorpusSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddHttpContextAccessor();
        new IdentityBuilder(typeof(IdentityUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or token", o => o.ForwardDefaultSelector = context =>
                ApiTokenHandler.HasBearer(context.Request) ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, cookie => ConfigureCookie(cookie, auth.SecureCookie));
        services.AddAuthorizationBuilder()
            .AddPolicy(AppPolicies.Read, p => p.RequireRole(AppRoles.All))
            .AddPolicy(AppPolicies.Edit, p => p.RequireRole(AppRoles.Editors))
            .AddPolicy(AppPolicies.EditApi, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole(AppRoles.Editors))
            .AddPolicy(AppPolicies.Admin, p => p.RequireRole(AppRoles.Admin))
            .SetFallbackPolicy(auth.AnonymousRead ? null : new AuthorizationPolicyBuilder().RequireRole(AppRoles.All).Build());
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = ChangeLimiter(auth);
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static void ConfigureCookie(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions cookie, bool secure)
    {
        cookie.Cookie.Name = "NewsCorpus.Auth";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/Account/Login";
        cookie.LogoutPath = "/Account/Logout";
        cookie.AccessDeniedPath = "/Account/Login";
        cookie.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
        // The API answers 401 and 403 itself; a page the user may not use answers 403 with the status page.
        cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized, redirect: true);
        cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden, redirect: false);
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status, bool redirect)
    {
        if (redirect && !context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Reads are never limited; sign-in attempts are counted per client address, every other change per user (or
    /// address, signed out), each in a one-minute window.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> ChangeLimiter(AuthOptions auth) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var login = context.Request.Path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase);
            var key = login ? "login:" + address : "change:" + (context.User.Identity?.Name ?? address);
            var limit = login ? auth.LoginAttemptsPerMinute : auth.ChangesPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
}
