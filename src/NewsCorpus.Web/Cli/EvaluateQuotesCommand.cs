using System.Globalization;
using NewsCorpus.Analysis;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// eval-quotes: scores the quote extractor on a folder laid out like quotes-dev (text/*.txt and
/// direct-quotes.tsv). A predicted quote matches a gold direct quote when it covers at least 30% of the
/// gold content's characters (one to one); speaker accuracy is the share of matches whose speaker mention
/// overlaps the gold source span.
/// </summary>
public static class EvaluateQuotesCommand
{
    private const double CoverageNeeded = 0.30;

    private sealed record GoldQuote(string Article, List<(int Start, int End)> Content, List<(int Start, int End)> Source);

    public sealed record Score(string Name, int Predicted, int Gold, int Matched, int SpeakerRight)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

        public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public double SpeakerAccuracy => Matched == 0 ? 0 : (double)SpeakerRight / Matched;
    }

    public static async Task<int> RunAsync(string folder, TextWriter output, TextWriter error)
    {
        var tsv = Path.Combine(folder, "direct-quotes.tsv");
        var textFolder = Path.Combine(folder, "text");
        if (!File.Exists(tsv) || !Directory.Exists(textFolder))
        {
            await error.WriteLineAsync($"eval-quotes: {folder} needs direct-quotes.tsv and text/");
            return 2;
        }

        var gold = (await File.ReadAllLinesAsync(tsv))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("article\t", StringComparison.Ordinal) && l.Length > 0)
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 5 && f[2] == "1")
            .Select(f => new GoldQuote(f[0], Spans(f[3]), Spans(f[4])))
            .GroupBy(g => g.Article)
            .ToDictionary(g => g.Key, g => g.ToList());

        var all = new Score("all quotes", 0, 0, 0, 0);
        var full = new Score("full quotes only (partial left out)", 0, 0, 0, 0);
        var words = 0L;
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var file in Directory.EnumerateFiles(textFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            var article = Path.GetFileNameWithoutExtension(file);
            var text = TextDecoder.Decode(await File.ReadAllBytesAsync(file)).Text ?? "";
            words += TextShape.CountWords(text);
            var analysis = TextAnalyzer.Analyze(text);
            var golds = gold.GetValueOrDefault(article) ?? [];
            all = Add(all, Match(analysis.Quotes.Select(q => (q.Start, q.End, Speaker: q.Speaker is null ? ((int, int)?)null : (q.Speaker.Start, q.Speaker.End))).ToList(), golds));
            full = Add(full, Match(analysis.Quotes.Where(q => !q.Partial).Select(q => (q.Start, q.End, Speaker: q.Speaker is null ? ((int, int)?)null : (q.Speaker.Start, q.Speaker.End))).ToList(), golds));
        }

        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync("| scored | predicted | gold | matched | precision | recall | F1 | speaker accuracy |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var score in new[] { all, full })
        {
            await output.WriteLineAsync(string.Create(inv,
                $"| {score.Name} | {score.Predicted} | {score.Gold} | {score.Matched} | {score.Precision:0.000} | {score.Recall:0.000} | {score.F1:0.000} | {score.SpeakerAccuracy:0.000} |"));
        }

        await output.WriteLineAsync(string.Create(inv, $"{words} words analysed in {started.Elapsed.TotalSeconds:0.00} s"));
        return 0;
    }

    private static Score Add(Score total, (int Predicted, int Gold, int Matched, int SpeakerRight) part) =>
        total with
        {
            Predicted = total.Predicted + part.Predicted,
            Gold = total.Gold + part.Gold,
            Matched = total.Matched + part.Matched,
            SpeakerRight = total.SpeakerRight + part.SpeakerRight,
        };

    private static (int Predicted, int Gold, int Matched, int SpeakerRight) Match(List<(int Start, int End, (int Start, int End)? Speaker)> predicted, List<GoldQuote> golds)
    {
        var used = new HashSet<int>();
        var matched = 0;
        var speakerRight = 0;
        foreach (var gold in golds)
        {
            var goldLength = gold.Content.Sum(c => c.End - c.Start);
            var best = -1;
            var bestCoverage = 0.0;
            for (var p = 0; p < predicted.Count; p++)
            {
                if (used.Contains(p))
                {
                    continue;
                }

                var covered = gold.Content.Sum(c => Math.Max(0, Math.Min(c.End, predicted[p].End) - Math.Max(c.Start, predicted[p].Start)));
                var coverage = goldLength == 0 ? 0 : (double)covered / goldLength;
                if (coverage >= CoverageNeeded && coverage > bestCoverage)
                {
                    best = p;
                    bestCoverage = coverage;
                }
            }

            if (best < 0)
            {
                continue;
            }

            used.Add(best);
            matched++;
            if (predicted[best].Speaker is { } speaker && gold.Source.Any(s => Math.Min(s.End, speaker.End) > Math.Max(s.Start, speaker.Start)))
            {
                speakerRight++;
            }
        }

        return (predicted.Count, golds.Count, matched, speakerRight);
    }

    private static List<(int Start, int End)> Spans(string field) =>
        field.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('-'))
            .Where(p => p.Length == 2)
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
}
