using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

public sealed class TextShapeTests
{
    [Theory]
    [InlineData("Home World Politics Business Sport", true)]
    [InlineData("News | Opinion | Culture | 2024", true)]
    [InlineData("Home World", false)]
    [InlineData("Parliament Votes on Troop Withdrawal", false)]
    [InlineData("Of Mice And Men Returns", true)]
    [InlineData("Iraqi parliament votes to expel US troops", false)]
    public void A_menu_is_three_or_more_mostly_capitalised_words_with_no_function_word_after_the_first(string line, bool menu) =>
        Assert.Equal(menu, TextShape.IsMenuLike(line));
}
