using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class WordsTests
{
    [Theory]
    [InlineData("Iraq’s", "iraqs")]
    [InlineData("Iraq's", "iraqs")]
    [InlineData("U.S.", "us")]
    [InlineData("1,200", "1200")]
    [InlineData("Café", "cafe")]
    [InlineData("Ağaoğlu’s", "agaoglus")]
    [InlineData("plain", "plain")]
    public void Folding_drops_case_diacritics_and_inner_marks_of_either_apostrophe(string word, string folded) =>
        Assert.Equal(folded, Words.Fold(word));

    [Fact]
    public void A_possessive_with_a_typographic_apostrophe_compares_as_one_with_a_plain_one() =>
        Assert.Equal(Words.Of("Iraq’s troops left.").Select(w => w.Folded), Words.Of("Iraq's troops left.").Select(w => w.Folded));
}
