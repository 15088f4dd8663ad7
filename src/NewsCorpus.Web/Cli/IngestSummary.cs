using System.Globalization;
using System.Text.Json;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Cli;

/// <summary>The ingest verb's result, as text for people or JSON for scripts.</summary>
public static class IngestSummary
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void WriteText(IngestionReport report, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"Ingestion run {report.RunId}: {report.Files.Count} files in {report.Elapsed.TotalSeconds:0.0} s"));
        foreach (var outcome in Enum.GetValues<FileOutcome>())
        {
            output.WriteLine(string.Create(inv, $"  {outcome.ToString().ToLowerInvariant(),-10} {report.Count(outcome),6}"));
        }

        var failures = report.Failures.ToList();
        if (failures.Count > 0)
        {
            output.WriteLine("Failed files:");
            foreach (var failure in failures)
            {
                output.WriteLine(string.Create(inv, $"  {failure.Path}: {failure.Reason}"));
            }
        }

        var warned = report.Warned.ToList();
        if (warned.Count > 0)
        {
            output.WriteLine("Warnings (stored, but metadata dropped or cut):");
            foreach (var file in warned)
            {
                foreach (var warning in file.Warnings)
                {
                    output.WriteLine(string.Create(inv, $"  {file.Path}: {warning}"));
                }
            }
        }

        var duplicates = report.Files.Where(f => f.Outcome == FileOutcome.Duplicate).ToList();
        if (duplicates.Count > 0)
        {
            output.WriteLine("Duplicates (not added again):");
            foreach (var duplicate in duplicates)
            {
                output.WriteLine(string.Create(inv, $"  {duplicate.Path}: {duplicate.Reason}"));
            }
        }
    }

    public static void WriteJson(IngestionReport report, TextWriter output)
    {
        var summary = new
        {
            runId = report.RunId,
            files = report.Files.Count,
            added = report.Count(FileOutcome.Added),
            updated = report.Count(FileOutcome.Updated),
            unchanged = report.Count(FileOutcome.Unchanged),
            duplicate = report.Count(FileOutcome.Duplicate),
            failed = report.Count(FileOutcome.Failed),
            failures = report.Failures.Select(f => new { path = f.Path, reason = f.Reason }),
            duplicates = report.Files.Where(f => f.Outcome == FileOutcome.Duplicate).Select(f => new { path = f.Path, articleId = f.ArticleId }),
            warnings = report.Warned.SelectMany(f => f.Warnings.Select(w => new { path = f.Path, articleId = f.ArticleId, warning = w })),
            elapsedSeconds = Math.Round(report.Elapsed.TotalSeconds, 3),
        };
        output.WriteLine(JsonSerializer.Serialize(summary, s_json));
    }
}
