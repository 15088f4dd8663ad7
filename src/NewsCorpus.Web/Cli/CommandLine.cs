using System.CommandLine;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// The verbs of the program (<c>dotnet run --project src/NewsCorpus.Web -- ingest ...</c>). Results go to
/// standard output; logs and progress go to standard error.
/// </summary>
public static class CommandLine
{
    /// <summary>A first argument that is not an option is a verb; an unknown one gets a usage error, not a web server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>Runs a verb; <c>settings</c> override appsettings and the environment (tests use them).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null, TextReader? input = null)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article files or folders (searched recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var ingest = new Command("ingest", "Ingest article files into the corpus database and print a summary.") { paths, json };
        ingest.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BuildHost(settings);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
            await DataServices.MigrateAsync(db, cancellationToken);
            var service = scope.ServiceProvider.GetRequiredService<IngestionService>();
            var report = await service.IngestAsync(parse.GetValue(paths)!, "cli", new ConsoleProgress(error), cancellationToken);
            if (parse.GetValue(json))
            {
                IngestSummary.WriteJson(report, output);
            }
            else
            {
                IngestSummary.WriteText(report, output);
            }

            return report.HasFailures ? 1 : 0;
        });

        var reanalyze = new Command("reanalyze", "Run the analyzer again over every stored article (after the analyzer improves), without reading files.");
        reanalyze.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BuildHost(settings);
            await using var scope = host.Services.CreateAsyncScope();
            await DataServices.MigrateAsync(scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>(), cancellationToken);
            var count = await scope.ServiceProvider.GetRequiredService<IngestionService>().ReanalyzeAsync(new ConsoleProgress(error), cancellationToken);
            await output.WriteLineAsync($"Reanalysed {count} articles.");
            return 0;
        });

        var reindex = new Command("reindex", "Rebuild this machine's search index from the database (while the app is stopped) and print its size.");
        reindex.SetAction((_, cancellationToken) => ReindexCommand.RunAsync(settings, output, error, cancellationToken));

        var files = new Argument<string[]>("files")
        {
            Description = "Text files to analyse as they are; - reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var analyze = new Command("analyze", "Print the sentences, entities and quotes the analyzer finds in each file, one JSON object per line.") { files };
        analyze.SetAction((parse, _) => AnalyzeCommand.RunAsync(parse.GetValue(files)!, Console.In, output, error));

        var folder = new Argument<string>("folder") { Description = "A folder laid out like shared/data/quotes-dev (text/ and direct-quotes.tsv)." };
        var evalQuotes = new Command("eval-quotes", "Score quote extraction and speaker attribution against annotated articles.") { folder };
        evalQuotes.SetAction((parse, _) => EvaluateQuotesCommand.RunAsync(parse.GetValue(folder)!, output, error));

        var conll = new Argument<string>("path") { Description = "A CoNLL file or folder (token and IOB tag per line), such as shared/data/ner-dev." };
        var entityErrors = new Option<string?>("--errors") { Description = "Also write every missed and extra name, tab-separated (kind, type, words, line)." };
        var useTagger = new Option<bool>("--tagger") { Description = "Score the trained name tagger alone on the file's own words (CoNLL files only)." };
        var evalEntities = new Command("eval-entities", "Score entity recognition (exact span and type) against CoNLL annotations.") { conll, entityErrors, useTagger };
        evalEntities.SetAction((parse, _) => EvaluateEntitiesCommand.RunAsync(parse.GetValue(conll)!, parse.GetValue(entityErrors), output, error, parse.GetValue(useTagger)));

        var pagesFolder = new Argument<string>("folder") { Description = "A folder laid out like shared/data/extraction-dev (html/ and ground-truth.json)." };
        var predictions = new Option<string?>("--predictions") { Description = "Also write what was extracted, as JSON (id → articleBody, title, authors, publishedOn, outlet)." };
        var evalExtraction = new Command("eval-extraction", "Score HTML main-content extraction against gold article bodies (4-token shingle precision, recall, F1).") { pagesFolder, predictions };
        evalExtraction.SetAction((parse, _) => EvaluateExtractionCommand.RunAsync(parse.GetValue(pagesFolder)!, parse.GetValue(predictions), output, error));

        var corpusFolders = new Argument<string[]>("folders")
        {
            Description = "Folders of articles to ingest together into a throwaway database (a text/ folder with direct-quotes.tsv beside it is also scored for speakers).",
            Arity = ArgumentArity.OneOrMore,
        };
        var evalCorpus = new Command("eval-corpus", "Ingest folders as a new user would and print what a real corpus shows: failed runs, split people, polluted names, impure quote clusters, speaker precision.") { corpusFolders };
        evalCorpus.SetAction((parse, _) => EvaluateCorpusCommand.RunAsync(parse.GetValue(corpusFolders)!, output, error, settings));

        var trainFile = new Argument<string>("train") { Description = "Training data in CoNLL-2003 columns (word first, IOB1 tag last), such as shared/data/ner-train/eng.train." };
        var devFile = new Argument<string>("dev") { Description = "Development data in the same form, scored after each epoch (eng.testa)." };
        var modelOut = new Option<string>("--out") { Description = "Where to write the model.", DefaultValueFactory = _ => "ner-model.bin.gz" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 12 };
        var trainNer = new Command("train-ner", "Train the name tagger (averaged structured perceptron) and write its model.") { trainFile, devFile, modelOut, epochs };
        trainNer.SetAction((parse, _) => TrainNerCommand.RunAsync(parse.GetValue(trainFile)!, parse.GetValue(devFile)!, parse.GetValue(modelOut)!, parse.GetValue(epochs), output, error));

        var root = new RootCommand("NewsCorpus: explore news-article corpora. Without a verb, runs the web app.") {
            ingest, reanalyze, reindex, analyze, evalQuotes, evalEntities, evalExtraction, evalCorpus, trainNer,
            UsersCommand.Build(settings, output, error, input ?? Console.In),
        };
        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (System.Data.Common.DbException ex)
        {
            // A database that is missing, unreachable or refuses the login is the user's to fix: say so, without a stack trace.
            await error.WriteLineAsync($"{args[0]}: the database cannot be used: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await error.WriteLineAsync($"{args[0]} failed: {ex}");
            return 1;
        }
    }

    internal static IHost BuildHost(IReadOnlyDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppSetup.ContentRootOverride() ?? Directory.GetCurrentDirectory(),
            Args = [],
        });
        // Verbs print results; only warnings and errors are worth logging next to them, unless the environment asks for
        // more (Serilog__MinimumLevel__Default=Information shows each corpus pass with its time).
        if (Environment.GetEnvironmentVariable("Serilog__MinimumLevel__Default") is null)
        {
            builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        }

        // A verb applies changes to the index and exits: it serves no searches worth warming the index for.
        builder.Configuration["Search:WarmOnOpen"] = "false";
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddNewsCorpusLogging(builder.Configuration, toStandardError: true);
        builder.Services.AddNewsCorpus(builder.Configuration);
        return builder.Build();
    }

    /// <summary>A progress line on standard error for runs of many files, at most every few percent.</summary>
    private sealed class ConsoleProgress(TextWriter error) : IProgress<IngestionProgress>
    {
        private const int ManyFiles = 20;
        private int _lastPercent = -1;

        public void Report(IngestionProgress value)
        {
            if (value.Total < ManyFiles)
            {
                return;
            }

            var percent = value.Done * 100 / value.Total;
            if (percent / 5 == _lastPercent / 5 && value.Done != value.Total)
            {
                return;
            }

            _lastPercent = percent;
            error.WriteLine($"ingest: {value.Done}/{value.Total} files ({percent}%)");
        }
    }
}
