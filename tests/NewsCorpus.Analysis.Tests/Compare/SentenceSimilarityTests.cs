using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class SentenceSimilarityTests
{
    private static ComparableSentence Sentence(string text) => Assert.Single(ComparableSentence.FromParagraphs([text]));

    [Theory]
    [InlineData("the river burst its banks at dawn", "the river burst its banks early on tuesday", 5)]
    [InlineData("a b c d", "d c b a", 1)]
    [InlineData("same words here", "same words here", 3)]
    [InlineData("nothing in common", "entirely different text", 0)]
    public void Common_subsequence_of_words(string a, string b, int expected)
    {
        Assert.Equal(expected, SentenceSimilarity.CommonSubsequenceLength(Sentence(a), Sentence(b)));
        Assert.Equal(expected, SentenceSimilarity.CommonSubsequenceLength(Sentence(b), Sentence(a)));
    }

    [Fact]
    public void The_bit_parallel_length_is_the_one_the_word_diff_gives()
    {
        // Sentences from a small vocabulary share many words in many orders: the hard case for a shortcut.
        var random = new Random(7);
        string[] vocabulary = ["the", "minister", "said", "troops", "would", "leave", "iraq", "on", "sunday", "not", "and", "of"];
        string Make(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".";
        for (var i = 0; i < 2000; i++)
        {
            var a = Sentence(Make(random.Next(1, 70)));
            var b = Sentence(Make(random.Next(1, 70)));
            Assert.Equal(SentenceSimilarity.DiffCommonSubsequenceLength(a, b), SentenceSimilarity.CommonSubsequenceLength(a, b));
        }
    }
}
