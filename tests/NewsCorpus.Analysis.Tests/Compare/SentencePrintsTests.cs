using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class SentencePrintsTests
{
    private static readonly string[] s_paragraphs =
    [
        "The river burst its banks at dawn. Two hundred homes were flooded.",
        "“We need the army,” the mayor said on Tuesday.",
    ];

    [Fact]
    public void Stored_prints_read_back_as_the_sentences_they_came_from()
    {
        var sentences = ComparableSentence.FromParagraphs(s_paragraphs);

        var read = SentencePrints.Read(SentencePrints.Write([.. sentences.Select(s => s.Print)]));

        Assert.Equal(sentences.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(sentences[i].Print.WordHashes, read[i].WordHashes);
            Assert.Equal(sentences[i].Print.ContentStems, read[i].ContentStems);
            Assert.Equal(sentences[i].Print.KeyHash, read[i].KeyHash);
        }

        var copy = ComparableSentence.FromParagraphs(["The river burst its banks early on Tuesday. Two hundred homes were flooded."]);
        Assert.Equal(2, SharedText.SharedSentences([.. copy.Select(s => s.Print)], new SentenceIndex(read)));
    }

    [Fact]
    public void Prints_alone_are_the_prints_of_the_comparable_sentences()
    {
        var paragraphs = SeedFiles.Read("000").Paragraphs;

        var alone = ComparableSentence.PrintsOf(paragraphs);
        var full = ComparableSentence.FromParagraphs(paragraphs);

        Assert.Equal(full.Count, alone.Count);
        Assert.Equal(full.Select(s => s.Print.KeyHash), alone.Select(p => p.KeyHash));
        Assert.Equal(full.SelectMany(s => s.Print.ContentStems), alone.SelectMany(p => p.ContentStems));
    }

    [Fact]
    public void An_article_without_sentences_has_prints_too()
    {
        Assert.Empty(SentencePrints.Read(SentencePrints.Write([])));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 9, 1 })]
    [InlineData(new byte[] { 1, 1, 3, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 7 })]
    [InlineData(new byte[] { 1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 1, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    public void Damaged_prints_are_refused_with_a_format_error(byte[] bytes)
    {
        Assert.Throws<FormatException>(() => SentencePrints.Read(bytes));
    }
}
