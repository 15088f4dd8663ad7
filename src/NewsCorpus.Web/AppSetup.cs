using NewsCorpus.Web.Accounts;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using Serilog;
using Serilog.Events;

namespace NewsCorpus.Web;

/// <summary>What the web app and the command-line verbs share: configuration, logging and services.</summary>
public static class AppSetup
{
    /// <summary>
    /// The working directory is the content root when it holds appsettings.json (a published app, the test host);
    /// otherwise the build output is, so <c>dotnet run --project src/NewsCorpus.Web</c> works from the repository root.
    /// </summary>
    public static string? ContentRootOverride() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;

    /// <summary>
    /// A relative file or folder looked up from the working directory, then from the app's folder, each and its
    /// parents in turn: how the app finds seeds/ and the repository's tools wherever it is started from.
    /// </summary>
    public static string? FindUpwards(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static IServiceCollection AddNewsCorpus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNewsCorpusData();
        services.Configure<IngestionOptions>(configuration.GetSection(IngestionOptions.Section));
        services.Configure<CorpusOptions>(configuration.GetSection(CorpusOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IngestionService>();
        services.AddScoped<UploadStaging>();
        services.AddSingleton<UploadTracker>();
        services.AddSingleton<FilePreparation>();
        services.AddScoped<CorpusWork>();
        services.AddScoped<OutletDirectory>();
        services.AddScoped<Entities.EntityPass>();
        services.AddScoped<Ingestion.ArticleStore>();
        services.AddScoped<Entities.CorpusResolver>();
        services.AddScoped<Quotes.QuoteClusterPass>();
        services.AddScoped<Stories.StoryGrouper>();
        services.AddScoped<Compare.CompareService>();
        services.AddScoped<Search.SearchService>();
        services.AddSingleton<Search.ArticleFacetIndex>();
        services.Configure<Search.SearchOptions>(configuration.GetSection(Search.SearchOptions.Section));
        services.AddSingleton<Search.SearchIndex>();
        services.AddNewsCorpusUsers(configuration);
        services.AddScoped<Corrections.EntityCorrections>();
        services.AddScoped<Corrections.QuoteCorrections>();
        services.AddScoped<Corrections.ArticleCorrections>();
        services.AddScoped<Corrections.OutletCorrections>();
        services.AddScoped<Corrections.CorrectionPass>();
        services.AddScoped<Corrections.CorrectionUndo>();
        services.AddScoped<Corrections.CorrectionService>();
        services.AddScoped<Corrections.EntityCorrector>();
        services.AddScoped<Corrections.ContentCorrector>();
        return services;
    }

    /// <summary>Serilog from configuration; the command line sends every event to standard error so standard output stays for results.</summary>
    public static IServiceCollection AddNewsCorpusLogging(this IServiceCollection services, IConfiguration configuration, bool toStandardError) =>
        services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            if (toStandardError)
            {
                logger.WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
}
