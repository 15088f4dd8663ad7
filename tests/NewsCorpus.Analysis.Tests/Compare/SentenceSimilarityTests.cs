using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class SentenceSimilarityTests
{
    private static ComparableSentence Sentence(string text) => Assert.Single(ComparableSentence.FromParagraphs([text]));

    // The reference: words of a the word diff leaves unchanged.
    private static int DiffLength(ComparableSentence a, ComparableSentence b) =>
        a.Words.Count - SentenceSimilarity.Differences(a, b).ChangedInA.Count(changed => changed);

    [Theory]
    [InlineData("the river burst its banks at dawn", "the river burst its banks early on tuesday", 5)]
    [InlineData("a b c d", "d c b a", 1)]
    [InlineData("same words here", "same words here", 3)]
    [InlineData("nothing in common", "entirely different text", 0)]
    public void Common_subsequence_of_words(string a, string b, int expected)
    {
        Assert.Equal(expected, SentenceSimilarity.CommonSubsequenceLength(Sentence(a).Print, Sentence(b).Print));
        Assert.Equal(expected, SentenceSimilarity.CommonSubsequenceLength(Sentence(b).Print, Sentence(a).Print));
    }

    [Fact]
    public void The_common_subsequence_is_the_one_the_word_diff_gives_for_short_and_long_sentences()
    {
        // Sentences from a small vocabulary share many words in many orders: the hard case for a shortcut. Lengths
        // reach past 64 words, where the bit-parallel count gives way to the table.
        var random = new Random(7);
        string[] vocabulary = ["the", "minister", "said", "troops", "would", "leave", "iraq", "on", "sunday", "not", "and", "of"];
        string Make(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".";
        for (var i = 0; i < 2000; i++)
        {
            var a = Sentence(Make(random.Next(1, 90)));
            var b = Sentence(Make(random.Next(1, 90)));
            Assert.Equal(DiffLength(a, b), SentenceSimilarity.CommonSubsequenceLength(a.Print, b.Print));
        }
    }

    [Fact]
    public void Prints_are_the_same_in_every_process()
    {
        // Stored prints are compared with prints a later run computes: the hash must not be the runtime's seeded one
        // (the value is FNV-1a over the UTF-16 bytes, computed independently).
        Assert.Equal(StableHash.Of("iraq"), StableHash.Of(new string(['i', 'r', 'a', 'q'])));
        Assert.Equal(714_275_334, StableHash.Of("iraq"));
        Assert.Equal(Sentence("Two hundred homes were flooded.").Print.KeyHash, Sentence("Two hundred homes were FLOODED").Print.KeyHash);
    }
}
