using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class SentenceAlignerTests
{
    private static Alignment Align(params string[][] articles) => SentenceAligner.Align(articles.Select(a => (IReadOnlyList<string>)a).ToList());

    private static string Marked(AlignedSentence cell) => string.Concat(cell.Segments.Select(s => s.Changed ? "[" + s.Text + "]" : s.Text));

    [Fact]
    public void Identical_sentences_share_a_row_even_with_different_quote_marks_and_abbreviations()
    {
        var alignment = Align(
            ["“We will respond,” the U.S. official said. The talks ended."],
            ["\"We will respond,\" the US official said. Markets fell sharply in Asia."]);

        var row = Assert.Single(alignment.Rows, r => r.Cells.All(c => c is not null));
        Assert.Equal(SentenceMatch.Identical, row.Match);
        Assert.All(row.Cells, c => Assert.DoesNotContain(c!.Segments, s => s.Changed));
    }

    [Fact]
    public void Edited_sentences_mark_the_words_that_differ()
    {
        var alignment = Align(
            ["As Washington and Tehran traded threats and counter-threats, the European Union urged calm."],
            ["As Washington and Tehran assailed each other with threats and counter-threats, the European Union urged calm."]);

        var row = Assert.Single(alignment.Rows);
        Assert.Equal(SentenceMatch.Edited, row.Match);
        Assert.Equal("As Washington and Tehran [traded] threats and counter-threats, the European Union urged calm.", Marked(row.Cells[0]!));
        Assert.Equal("As Washington and Tehran [assailed each other with] threats and counter-threats, the European Union urged calm.", Marked(row.Cells[1]!));
    }

    [Fact]
    public void Reordered_sentences_still_align_with_their_counterparts()
    {
        var alignment = Align(
            ["The bridge collapsed at dawn after days of heavy rain. Nine cars fell into the river below. Divers recovered four bodies by noon."],
            ["Divers recovered four bodies by noon. The bridge collapsed at dawn after days of heavy rain. Nine cars fell into the river below."]);

        Assert.Equal(3, alignment.Rows.Count);
        Assert.All(alignment.Rows, r => Assert.Equal(SentenceMatch.Identical, r.Match));
        Assert.Equal([0, 1, 2], alignment.Rows.Select(r => r.Cells[0]!.Index));
        Assert.Equal(new AlignmentSummary(3, 3, 0, 0), alignment.Summaries[1]);
    }

    [Fact]
    public void The_same_content_in_other_words_is_reworded()
    {
        var alignment = Align(
            ["Rescuers pulled 14 miners alive from the flooded colliery in Silesia on Thursday."],
            ["On Thursday, fourteen miners trapped in the flooded Silesia colliery were brought out alive by rescue crews."]);

        var row = Assert.Single(alignment.Rows);
        Assert.Equal(SentenceMatch.Reworded, row.Match);
    }

    [Fact]
    public void Sentences_only_one_article_carries_are_its_own_and_stay_in_its_order()
    {
        var alignment = Align(
            ["The council approved the budget on Monday. It includes money for two new schools.", "The vote was 7 to 2."],
            ["The council approved the budget on Monday. Opponents said the tax rise would hurt small shops. The vote was 7 to 2."]);

        Assert.Equal(
            ["Identical", "Unique", "Unique", "Identical"],
            alignment.Rows.Select(r => r.Match.ToString()));
        Assert.Equal("It includes money for two new schools.", alignment.Rows[1].Cells[0]!.Text);
        Assert.Equal("Opponents said the tax rise would hurt small shops.", alignment.Rows[2].Cells[1]!.Text);
        Assert.Equal(new AlignmentSummary(3, 2, 0, 1), alignment.Summaries[0]);
    }

    [Fact]
    public void Unrelated_sentences_on_the_same_topic_are_not_matched()
    {
        var alignment = Align(
            ["The minister said the army would withdraw from the northern province by March."],
            ["The minister visited a hospital in the capital and met wounded soldiers."]);

        Assert.Equal(2, alignment.Rows.Count);
        Assert.All(alignment.Rows, r => Assert.Equal(SentenceMatch.Unique, r.Match));
    }

    [Fact]
    public void A_row_never_holds_two_sentences_of_one_article()
    {
        var alignment = Align(
            ["Police arrested three men. Police arrested three men."],
            ["Police arrested three men."],
            ["Police arrested three men on Friday night."]);

        Assert.All(alignment.Rows, r => Assert.True(r.Cells.Count == 3));
        Assert.Equal(2, alignment.Rows.Count);
        Assert.Equal(new AlignmentSummary(2, 1, 0, 1), alignment.Summaries[0]);
        Assert.Equal(new AlignmentSummary(1, 1, 0, 0), alignment.Summaries[2]);
    }

    [Fact]
    public void Seed_wire_copies_align_mostly_as_identical_or_edited()
    {
        var reuters = SeedFiles.Read("000");
        var jpost = SeedFiles.Read("002");
        var alignment = SentenceAligner.Align([reuters.Paragraphs, jpost.Paragraphs]);

        var shared = alignment.Rows.Where(r => r.ArticleCount == 2).ToList();
        Assert.True(shared.Count >= 7, $"only {shared.Count} shared rows");
        Assert.Contains(shared, r => r.Match == SentenceMatch.Edited && r.Cells[1]!.Segments.Any(s => s.Changed && s.Text == "assailed each other with"));
    }
}
