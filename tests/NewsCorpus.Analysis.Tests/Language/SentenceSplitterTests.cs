using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Tests.Language;

public sealed class SentenceSplitterTests
{
    private static List<string> Split(string text) => SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToList();

    [Fact]
    public void Titles_initials_and_numbers_do_not_end_sentences()
    {
        var sentences = Split("Mr. Smith met Gen. J. K. Rowling on Jan. 5 at 10.30 a.m. in No. 10 Downing Street. Prices rose 5.5 percent.");
        Assert.Equal(["Mr. Smith met Gen. J. K. Rowling on Jan. 5 at 10.30 a.m. in No. 10 Downing Street.", "Prices rose 5.5 percent."], sentences);
    }

    [Fact]
    public void US_ends_a_sentence_only_when_a_new_one_clearly_starts()
    {
        Assert.Equal(["Troops left the U.S.", "The vote followed."], Split("Troops left the U.S. The vote followed."));
        Assert.Single(Split("The U.S. Army said the U.S.-led coalition would stay."));
    }

    [Fact]
    public void Quotes_with_several_sentences_and_brackets_split_inside_and_keep_their_marks()
    {
        var sentences = Split("“We will stay. We have a mission there,” he said. (The vote was close.) Then it ended.");
        Assert.Equal(["“We will stay.", "We have a mission there,” he said.", "(The vote was close.)", "Then it ended."], sentences);
    }

    [Fact]
    public void Paragraph_breaks_always_end_a_sentence()
    {
        Assert.Equal(["IRANIAN TARGETS", "Trump tweeted on Saturday."], Split("IRANIAN TARGETS\nTrump tweeted on Saturday."));
    }

    [Fact]
    public void Offsets_are_utf16_positions_in_the_text()
    {
        const string text = "Iran’s “red line” — crossed. Next.";
        var sentences = SentenceSplitter.Split(text);
        Assert.Equal(0, sentences[0].Start);
        Assert.Equal(text.IndexOf("Next", StringComparison.Ordinal), sentences[1].Start);
        Assert.Equal(text.Length, sentences[1].End);
    }
}
