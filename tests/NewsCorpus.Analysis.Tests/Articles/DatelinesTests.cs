using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

public sealed class DatelinesTests
{
    [Theory]
    [InlineData("JANUARY 5, 2020 18:29", 2020, 1, 5, 18, 29)]
    [InlineData("Jan. 5, 2020", 2020, 1, 5, -1, -1)]
    [InlineData("5 January 2020", 2020, 1, 5, -1, -1)]
    [InlineData("Sunday, 5 January 2020 at 6:29 pm GMT", 2020, 1, 5, 18, 29)]
    [InlineData("Published: 2020-01-05 09:15", 2020, 1, 5, 9, 15)]
    [InlineData("Sept 30, 2019 12:00 a.m.", 2019, 9, 30, 0, 0)]
    public void Date_lines_parse(string line, int year, int month, int day, int hour, int minute)
    {
        Assert.True(Datelines.TryParseLine(line, out var date, out var isUpdate));
        Assert.False(isUpdate);
        Assert.Equal(new DateOnly(year, month, day), date.Date);
        Assert.Equal(hour < 0 ? null : new TimeOnly(hour, minute), date.Time);
    }

    [Theory]
    [InlineData("February 30, 2020")]
    [InlineData("The vote on January 5, 2020 was close.")]
    [InlineData("5,000 troops")]
    public void Other_lines_are_not_date_lines(string line) => Assert.False(Datelines.TryParseLine(line, out _, out _));

    [Fact]
    public void Updated_lines_are_update_notes() =>
        Assert.True(Datelines.TryParseLine("Updated: January 6, 2020 10:00", out _, out var isUpdate) && isUpdate);
}
