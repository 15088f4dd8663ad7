using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class SharedTextTests
{
    [Fact]
    public void Two_copies_of_the_same_wire_story_share_most_sentences()
    {
        var a = ComparableSentence.FromParagraphs(SeedFiles.Read("000").Paragraphs);
        var b = ComparableSentence.FromParagraphs(SeedFiles.Read("002").Paragraphs);

        var shared = SharedText.SharedSentences(a, b);

        // The shorter copy carries the wire story's opening nearly whole; its own tail is an added explainer.
        Assert.InRange(shared, 6, a.Count);
        Assert.Equal(shared, SharedText.SharedSentences(b, a));
    }

    [Fact]
    public void A_near_copy_with_a_changed_word_counts_as_shared_and_an_unrelated_text_does_not()
    {
        var original = ComparableSentence.FromParagraphs(["The river burst its banks at dawn. Two hundred homes were flooded. The mayor asked for army help."]);
        var copy = ComparableSentence.FromParagraphs(["The river burst its banks early on Tuesday. Two hundred homes were flooded. The mayor asked for army help."]);
        var other = ComparableSentence.FromParagraphs(["Shares in the bank fell after it reported a loss."]);

        Assert.Equal(3, SharedText.SharedSentences(original, copy));
        Assert.Equal(0, SharedText.SharedSentences(original, other));
    }
}
