using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class NumberExtractorTests
{
    [Theory]
    [InlineData("Some 5,000 US troops remain in Iraq.", 5000, "troop")]
    [InlineData("Trump threatened to hit 52 Iranian sites.", 52, "site")]
    [InlineData("The hostages were held for 444 days.", 444, "day")]
    [InlineData("Revenue rose to $4.2 billion in the quarter.", 4.2e9, "dollar")]
    [InlineData("Net profit rose 18% from a year earlier.", 18, "percent")]
    [InlineData("Turnout was 55 percent on Sunday.", 55, "percent")]
    [InlineData("Three people were injured in the blast.", 3, "people")]
    [InlineData("At least 1.5 million barrels a day were lost.", 1.5e6, "barrel")]
    [InlineData("More than 1,200 residents were rescued.", 1200, "resident")]
    public void Reads_figures_with_what_they_count(string text, double value, string unit)
    {
        var number = Assert.Single(NumberExtractor.Extract(text));
        Assert.Equal(value, number.Value, 6);
        Assert.Equal(unit, number.Unit);
        Assert.Equal(text, number.Sentence);
    }

    [Theory]
    [InlineData("The deal was signed in 2015 and abandoned in 2018.")]
    [InlineData("The vote took place on January 5, 2020, in Baghdad.")]
    [InlineData("He spoke at 18:29 on Sunday.")]
    [InlineData("They fought during Iraq's 2014-17 war.")]
    [InlineData("It was one of the worst days.")]
    public void Leaves_out_years_dates_times_and_figures_that_count_nothing(string text) =>
        Assert.Empty(NumberExtractor.Extract(text));

    [Fact]
    public void Finds_each_figure_in_a_longer_text_with_its_offsets()
    {
        const string text = "Floods killed 62 people. Rescuers saved 1,200 residents and restored power to 150,000 homes.";
        var numbers = NumberExtractor.Extract(text);

        Assert.Equal(["62 people", "1,200 residents", "150,000 homes"], numbers.Select(n => n.Text));
        Assert.All(numbers, n => Assert.Equal(n.Text, text[n.Start..n.End]));
    }
}
