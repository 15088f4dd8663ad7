namespace NewsCorpus.Analysis.Tests.Quotes;

/// <summary>The seed corpus's quotes, written down by hand in seed-quotes.tsv, against what the analyzer finds in each cleaned article.</summary>
public sealed class SeedQuoteTests
{
    private sealed record Expected(string Seed, string Prefix, string Speaker, bool Partial);

    private static List<Expected> ExpectedQuotes() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Quotes", "seed-quotes.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => new Expected(f[0], f[1], f[2], bool.Parse(f[3])))
            .ToList();

    private static TextAnalysis AnalyzeSeed(string seed) => TextAnalyzer.Analyze(string.Join("\n\n", SeedFiles.Read(seed).Paragraphs));

    private static string? SpeakerOf(TextAnalysis analysis, Analysis.Quotes.QuoteMention quote) => analysis.SpeakerName(quote) ?? quote.SpeakerDescription;

    [Fact]
    public void At_least_95_percent_of_seed_quotes_are_found_with_the_right_speaker()
    {
        var expected = ExpectedQuotes();
        var right = 0;
        var misses = new List<string>();
        foreach (var group in expected.GroupBy(e => e.Seed))
        {
            var analysis = AnalyzeSeed(group.Key);
            foreach (var quote in group)
            {
                var found = analysis.Quotes.FirstOrDefault(q => q.Text.StartsWith(quote.Prefix, StringComparison.Ordinal));
                if (found is not null && SpeakerOf(analysis, found) == quote.Speaker && found.Partial == quote.Partial)
                {
                    right++;
                }
                else
                {
                    misses.Add($"{quote.Seed} “{quote.Prefix}”: got {(found is null ? "nothing" : $"{SpeakerOf(analysis, found)} partial={found.Partial}")}");
                }
            }
        }

        Assert.True(right >= expected.Count * 0.95, string.Join('\n', misses));
    }

    [Theory]
    [MemberData(nameof(SeedFiles.All), MemberType = typeof(SeedFiles))]
    public void At_most_one_false_quote_per_seed(string seed)
    {
        var expected = ExpectedQuotes().Where(e => e.Seed == seed).ToList();
        var analysis = AnalyzeSeed(seed);
        var extra = analysis.Quotes.Where(q => !expected.Any(e => q.Text.StartsWith(e.Prefix, StringComparison.Ordinal))).Select(q => q.Text).ToList();
        Assert.True(extra.Count <= 1, string.Join('\n', extra));
    }

    [Fact]
    public void Scare_quotes_and_titles_are_not_quotes()
    {
        var analysis = AnalyzeSeed("003");
        Assert.DoesNotContain(analysis.Quotes, q => q.Text is "cultural" or "criminals");
        var jpost = AnalyzeSeed("002");
        Assert.DoesNotContain(jpost.Quotes, q => q.Text == "This Week");
        var seed001 = AnalyzeSeed("001");
        Assert.DoesNotContain(seed001.Quotes, q => q.Text == "new");
    }
}
