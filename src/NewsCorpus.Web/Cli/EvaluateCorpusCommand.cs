using System.Globalization;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// eval-corpus: ingests folders into a throwaway SQLite database, as a new user would, and prints what a user of a real,
/// mixed corpus meets first: failed files and runs, people split into several entities, polluted canonical names,
/// impure quote clusters and, where PolNeAR-style annotations sit beside the text, speaker-search precision.
/// </summary>
public static class EvaluateCorpusCommand
{
    public static async Task<int> RunAsync(string[] folders, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings)
    {
        var workspace = Directory.CreateTempSubdirectory("newscorpus-eval-");
        try
        {
            var database = Path.Combine(workspace.FullName, "eval.db");
            var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:NewsCorpus"] = $"Data Source={database}",
            };
            using var host = CommandLine.BuildHost(overrides);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
            await DataServices.MigrateAsync(db, CancellationToken.None);
            var report = await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync(folders, "eval-corpus", null, CancellationToken.None);
            var figures = new CorpusFigures(db, output);
            await figures.WriteIngestionAsync(report);
            await figures.WriteSplitPeopleAsync();
            await figures.WritePollutedNamesAsync();
            await figures.WriteImpureClustersAsync();
            foreach (var folder in folders.Select(f => Path.GetDirectoryName(Path.GetFullPath(f).TrimEnd('/'))!)
                .Where(f => File.Exists(Path.Combine(f, "direct-quotes.tsv"))).Distinct())
            {
                await new SpeakerPrecision(db, output).WriteAsync(folder);
            }

            return 0;
        }
        finally
        {
            SqliteCleanup();
            workspace.Delete(recursive: true);
        }
    }

    // SQLite keeps pooled connections to the file open; let go of them before the folder is deleted.
    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    internal static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
