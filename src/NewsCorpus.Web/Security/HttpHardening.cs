using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsCorpus.Web.Security;

/// <summary>
/// What every response carries and which methods are answered: security headers (a Content-Security-Policy without
/// inline script, no sniffing, no framing, a strict referrer), HEAD on the API answered like GET, and any method a
/// page does not handle (TRACE, PUT, DELETE, POST on a read-only page) refused with 405 before the page could render
/// without its handler.
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// Scripts and everything else only from this site; inline style attributes stay allowed (bar widths, column counts
    /// are set as custom properties), inline script never is.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseHttpHardening(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";

            var request = context.Request;
            var isApi = request.Path.StartsWithSegments("/api");
            if (isApi && HttpMethods.IsHead(request.Method))
            {
                // Answered as GET with the body thrown away, on any server (Kestrel drops it by itself; a test server does not).
                request.Method = HttpMethods.Get;
                context.Response.Body = Stream.Null;
            }

            await next(context);
        });

    /// <summary>
    /// After routing: a method other than GET and HEAD reaches a page only when the page has a handler for it (the
    /// sign-in form, the correction forms); anything else, including requests no page matched, is answered 405.
    /// </summary>
    public static IApplicationBuilder UsePageMethodCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            // A status page shown for a refused post is rendered whatever the method.
            if (context.Request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            {
                await next(context);
                return;
            }

            var page = context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>();
            if (page is null || !page.HandlerMethods.Any(h => h.HttpMethod.Equals(method, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = page?.HandlerMethods.Any(h => h.HttpMethod == "Post") == true ? "GET, HEAD, POST" : "GET, HEAD";
                return;
            }

            await next(context);
        });
}
