using NewsCorpus.Web;
using NewsCorpus.Web.Accounts;
using NewsCorpus.Web.Api;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Security;
using Serilog;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppSetup.ContentRootOverride() });
// Serve wwwroot from the project when running from the build output (dotnet run), in any environment.
builder.WebHost.UseStaticWebAssets();
// An upload is the largest request: its limit (plus room for the form's other fields) bounds every request body.
var bodyLimit = (builder.Configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions()).MaxUploadBytes + (1 << 20);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = bodyLimit;
});
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = bodyLimit);
builder.Services.AddNewsCorpusLogging(builder.Configuration, toStandardError: false);
builder.Services.AddNewsCorpus(builder.Configuration);
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddHostedService<CorpusCatchUp>();
builder.Services.AddHostedService<UploadWorker>();
builder.Services.AddHostedService<NewsCorpus.Web.Search.SearchIndexer>();
builder.Services.AddNewsCorpusSignIn(builder.Configuration);
builder.Services.AddRazorPages();
builder.Services.AddProblemDetails();
builder.Services.AddNewsCorpusOpenApi();
// A query string that does not bind (page=abc) is the client's mistake: 400 problem JSON in every environment.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
    // Enums by name ("Organization"), as the API has always written entity types.
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
});

var app = builder.Build();

app.UseHttpHardening();

// The API answers errors with RFC 7807 problem JSON; pages answer with a friendly page.
static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
app.UseWhen(context => !IsApi(context), pages =>
{
    if (!app.Environment.IsDevelopment())
    {
        pages.UseExceptionHandler("/Error");
    }

    pages.UseStatusCodePagesWithReExecute("/Status/{0}");
});

app.UseSerilogRequestLogging();
// A client that hangs up mid-request cancels its database work: that is not a server error, so it is answered
// (to no one) with 499 and logged as an ordinary request instead of a 500 with a stack trace.
app.Use(async (context, next) =>
{
    try
    {
        await next(context);
    }
    catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = 499;
        }
    }
});
app.UseRouting();
app.UsePageMethodCheck();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi();
app.MapArticlesApi();
app.MapQuotesApi();
app.MapEntitiesApi();
app.MapSearchApi();
app.MapStoriesApi();
app.MapCompareApi();
app.MapChartsApi();
app.MapCorrectionsApi();
app.MapIngestApi();

app.Run();
return 0;

/// <summary>Exposed so the integration tests can host the app.</summary>
public partial class Program;
