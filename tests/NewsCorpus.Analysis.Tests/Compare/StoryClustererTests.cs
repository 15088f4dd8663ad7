using NewsCorpus.Analysis.Articles;
using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class StoryClustererTests
{
    private static StoryDocument Document(int id, ParsedArticle article) =>
        new(id, article.PublishedOn, StoryTerms.Count(article.Title, article.Paragraphs));

    private static ParsedArticle Event(string name) =>
        PlainTextArticleReader.Read(TextDecoder.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", name))).Text!);

    private static readonly string[] s_seedPrefixes = ["000", "001", "002", "003", "004"];

    private static List<StoryDocument> Seeds() =>
        s_seedPrefixes.Select((prefix, i) => Document(i + 1, SeedFiles.Read(prefix))).ToList();

    [Fact]
    public void The_five_seeds_form_one_story_and_other_events_their_own()
    {
        var documents = Seeds();
        string[] others = ["flood-coastal-herald.txt", "flood-iberia-daily.txt", "chile-election.txt", "chip-earnings.txt", "football-transfer.txt", "nuclear-talks.txt"];
        documents.AddRange(others.Select((name, i) => Document(10 + i, Event(name))));

        var stories = new StoryClusterer().Assign([], documents);

        Assert.Single(Enumerable.Range(1, 5).Select(id => stories[id]).Distinct());
        Assert.Equal(stories[10], stories[11]);
        var distinct = new[] { stories[1], stories[10], stories[12], stories[13], stories[14], stories[15] };
        Assert.Equal(6, distinct.Distinct().Count());
    }

    [Fact]
    public void New_articles_join_an_existing_story_incrementally()
    {
        var seeds = Seeds();
        var existing = seeds.Take(3).Select(d => (d, 42)).ToList();

        var stories = new StoryClusterer().Assign(existing, [seeds[3], seeds[4], Document(9, Event("chip-earnings.txt"))]);

        Assert.Equal(42, stories[4]);
        Assert.Equal(42, stories[5]);
        Assert.Equal(-1, stories[9]);
    }

    [Fact]
    public void Articles_on_the_same_subject_weeks_apart_are_different_stories()
    {
        var flood = Event("flood-coastal-herald.txt");
        var later = new StoryDocument(2, flood.PublishedOn!.Value.AddDays(40), StoryTerms.Count(flood.Title, flood.Paragraphs));

        var stories = new StoryClusterer().Assign([], [Document(1, flood), later]);

        Assert.NotEqual(stories[1], stories[2]);
    }

    [Fact]
    public void A_story_does_not_chain_from_day_to_day_beyond_its_span()
    {
        var flood = Event("flood-coastal-herald.txt");
        var terms = StoryTerms.Count(flood.Title, flood.Paragraphs);
        var start = flood.PublishedOn!.Value;

        // The same coverage every second day for three weeks: each day is close to the one before.
        var documents = Enumerable.Range(0, 11).Select(i => new StoryDocument(i + 1, start.AddDays(2 * i), terms)).ToList();
        var stories = new StoryClusterer().Assign([], documents);

        Assert.Equal(stories[1], stories[4]);
        Assert.NotEqual(stories[1], stories[5]);
        Assert.All(documents.GroupBy(d => stories[d.Id]), g => Assert.InRange(g.Max(d => d.Day!.Value.DayNumber) - g.Min(d => d.Day!.Value.DayNumber), 0, 7));
    }

    [Fact]
    public void A_new_article_finds_stored_stories_within_its_window_and_undated_ones_on_any_day()
    {
        var flood = Event("flood-coastal-herald.txt");
        var terms = StoryTerms.Count(flood.Title, flood.Paragraphs);
        var day = flood.PublishedOn!.Value;
        var chip = Event("chip-earnings.txt");
        var stored = new List<(StoryDocument, int)>
        {
            (new StoryDocument(1, day.AddDays(-10), terms), 7),
            (new StoryDocument(2, day.AddDays(-2), terms), 8),
            (new StoryDocument(3, null, StoryTerms.Count(chip.Title, chip.Paragraphs)), 9),
            (new StoryDocument(4, day.AddDays(3), StoryTerms.Count(chip.Title, chip.Paragraphs)), 10),
        };

        var stories = new StoryClusterer().Assign(stored,
            [new StoryDocument(5, day, terms), new StoryDocument(6, day.AddDays(-400), StoryTerms.Count(chip.Title, chip.Paragraphs))]);

        Assert.Equal(8, stories[5]);
        Assert.Equal(9, stories[6]);
    }

    [Fact]
    public void The_most_central_article_names_the_story()
    {
        var documents = Seeds();
        var central = StoryClusterer.MostCentral(documents);
        Assert.InRange(central, 1, 5);
    }

    [Fact]
    public void The_most_central_article_is_the_one_closest_to_all_the_others_pair_by_pair()
    {
        // Six articles: three near-copies of one report, two on a related angle, one off-topic.
        string[] texts =
        [
            "Floods hit Valencia as rivers burst their banks and rescuers reach stranded villages",
            "Floods hit Valencia: rivers burst their banks, rescuers reach stranded villages overnight",
            "Rescuers reach stranded villages after floods hit Valencia and rivers burst banks",
            "Valencia counts the cost of floods as farmers lose orange harvests",
            "Farmers near Valencia lose orange harvests to floods and mud",
            "Parliament debates the budget for schools and hospitals",
        ];
        var documents = texts.Select((text, i) => new StoryDocument(i + 1, null, StoryTerms.Count(text, [text]))).ToList();

        var expected = documents.MaxBy(d => documents.Where(o => o != d).Sum(o => StoryClusterer.Similarity(d.Terms, o.Terms, documents)))!.Id;
        Assert.Equal(expected, StoryClusterer.MostCentral(documents));
        Assert.InRange(expected, 1, 3);
    }

    [Fact]
    public void Terms_round_trip_through_their_stored_form()
    {
        var terms = StoryTerms.Count("Floods hit Valencia", ["Floods killed 62 people in Valencia on Tuesday."]);
        var vocabulary = new StoryVocabulary();
        var read = vocabulary.Read(7, null, StoryTerms.Write(terms));
        var expected = vocabulary.Compact(new StoryDocument(7, null, terms));
        Assert.Equal(expected.Terms, read.Terms);
        Assert.Equal(expected.Counts, read.Counts);
        Assert.Equal(3, terms["flood"]); // twice for the headline, once for the text
        Assert.False(terms.ContainsKey("tuesday"));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'f', (byte)'l' })]
    [InlineData(new byte[] { 1, 1, 1, 2, 3 })]
    [InlineData(new byte[] { 1, 0, 0 })]
    [InlineData(new byte[] { 1, 1, 1, 2, 3, 4, 5, 6, 7, 8 })]
    public void Damaged_stored_terms_are_refused_with_a_format_error(byte[] stored)
    {
        Assert.Throws<FormatException>(() => new StoryVocabulary().Read(1, null, stored));
    }
}
