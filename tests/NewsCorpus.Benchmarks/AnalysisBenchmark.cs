using System.Diagnostics;
using System.Globalization;
using NewsCorpus.Analysis;
using NewsCorpus.Analysis.Articles;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Entities.Tagging;
using NewsCorpus.Analysis.Language;
using NewsCorpus.Analysis.Quotes;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// Words per second on one thread, as "per core" means: the whole analysis (sentences, names, quotes), and its name
/// parts alone: the rules' reading, and the tagger's decision over given tokens, sentences and rule marks.
/// Warm-up, then nine rounds of at least a second each; the median round counts.
/// </summary>
internal static class AnalysisBenchmark
{
    public static string Run(string folder)
    {
        var texts = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => TextDecoder.Decode(File.ReadAllBytes(f)).Text)
            .Where(t => t is not null)
            .Select(t => string.Join("\n\n", PlainTextArticleReader.Read(t!).Paragraphs))
            .ToList();
        var words = texts.Sum(TextShape.CountWords);
        var prepared = texts.Select(Prepare).ToList();
        var full = Rate(words, () => texts.ForEach(t => TextAnalyzer.Analyze(t)));
        var splitting = Rate(words, () => texts.ForEach(t => SentenceSplitter.Split(t, Tokenizer.Tokenize(t))));
        var analysed = texts.Select(TextAnalyzer.Analyze).ToList();
        var quotes = Rate(words, () => prepared.Zip(analysed).ToList().ForEach(p => QuoteExtractor.Extract(p.First.Text, p.First.Tokens, p.First.Sentences, [.. p.Second.Mentions])));
        var resolution = Rate(words, () => analysed.ForEach(a => EntityResolver.Resolve([[.. a.Mentions]])));
        var rules = Rate(words, () => prepared.ForEach(p => RuleMarks.Read(p.Text, p.Tokens, p.Sentences)));
        var tagging = Rate(words, () => prepared.ForEach(p => TaggedMentions.Decide(p.Text, p.Tokens, p.Sentences, p.Rules, NameTagger.Default, Gazetteer.Default)));
        var inputs = prepared.SelectMany(p => TaggerInputs.For(p.Text, p.Tokens, p.Sentences, [.. p.Rules.OrderBy(r => r.Start)])).ToList();
        var tagger = NameTagger.Default;
        var features = Rate(words, () => inputs.ForEach(i => tagger.Features.Extract(i.Words, i.Marks)));
        var extracted = inputs.Select(i => tagger.Features.Extract(i.Words, i.Marks)).ToList();
        var viterbi = Rate(words, () => extracted.ForEach(f => tagger.Model.Decode(f)));
        var inv = CultureInfo.InvariantCulture;
        return string.Join('\n',
            "## Analysis throughput",
            "",
            "Command: `dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- analysis --write docs/benchmarks.md`",
            "",
            "| measure | median words/s, one thread | slowest / fastest round | bytes allocated per word |",
            "| --- | ---: | ---: | ---: |",
            Row("whole analysis (sentences, names by the tagger, quotes)", full),
            Row("tokens and sentences alone", splitting),
            Row("the rules' reading alone (the tagger's features)", rules),
            Row("the tagger's decision alone (features, Viterbi, merging the rules' roles)", tagging),
            Row("… of which the tagger's features", features),
            Row("… of which the weights and Viterbi decoding", viterbi),
            Row("quotes alone (given tokens, sentences and names)", quotes),
            Row("entity resolution within the text alone", resolution),
            "",
            string.Create(inv, $"Target: 700,000 words/s for the whole analysis (ratio {full.Median / 700_000:0.00}). Corpus: {texts.Count} articles, {words:N0} words ({Path.GetFileName(folder.TrimEnd('/'))}). Machine: {Machine.Describe()}. Measured {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC."));
    }

    private sealed record Prepared(string Text, List<Token> Tokens, IReadOnlyList<Sentence> Sentences, List<EntityMention> Rules);

    private static Prepared Prepare(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        return new Prepared(text, tokens, sentences, RuleMarks.Read(text, tokens, sentences));
    }

    private readonly record struct Rates(double Median, double Slowest, double Fastest, double BytesPerWord);

    private static Rates Rate(long words, Action round)
    {
        round();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        round();
        var bytesPerWord = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)words;
        var rates = new List<double>();
        for (var r = 0; r < 9; r++)
        {
            var stopwatch = Stopwatch.StartNew();
            long done = 0;
            while (stopwatch.Elapsed < TimeSpan.FromSeconds(1))
            {
                round();
                done += words;
            }

            rates.Add(done / stopwatch.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return new Rates(rates[rates.Count / 2], rates[0], rates[^1], bytesPerWord);
    }

    private static string Row(string name, Rates rates) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {rates.Median:N0} | {rates.Slowest:N0} / {rates.Fastest:N0} | {rates.BytesPerWord:N0} |");
}
