namespace NewsCorpus.Analysis.Tests.Quotes;

/// <summary>Quote shapes written for these tests.</summary>
public sealed class QuoteExtractorTests
{
    private static (TextAnalysis Analysis, List<Analysis.Quotes.QuoteMention> Quotes) Analyze(string text)
    {
        var analysis = TextAnalyzer.Analyze(text);
        return (analysis, analysis.Quotes.ToList());
    }

    [Fact]
    public void Split_quotes_are_one_quote_with_one_speaker()
    {
        var (analysis, quotes) = Analyze("“By locking in China,” Mr. Obama said, “it now allowed me to go to India.”");
        var quote = Assert.Single(quotes);
        Assert.Equal("By locking in China, it now allowed me to go to India.", quote.Text);
        Assert.Equal("Obama", analysis.SpeakerName(quote));
        Assert.Equal("said", quote.Verb);
    }

    [Fact]
    public void Straight_quotes_and_doubled_apostrophes_work_like_curly_ones()
    {
        var (analysis, quotes) = Analyze("\"We will appeal,\" said Judge Maria Okonkwo. ''It is far from over,'' said Tim Hess, a lawyer.");
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Maria Okonkwo", analysis.SpeakerName(quotes[0]));
        Assert.Equal("Tim Hess", analysis.SpeakerName(quotes[1]));
    }

    [Fact]
    public void Quotes_over_several_paragraphs_and_unattributed_continuations_keep_the_speaker()
    {
        const string text = "Coach Li Wei said: “We trained hard all winter.\n\n“Nobody expected us to win the league.”\n\n“Next year will be harder,” he said.\n\n“The squad is young.”";
        var (analysis, quotes) = Analyze(text);
        Assert.StartsWith("We trained hard all winter. Nobody expected", quotes[0].Text, StringComparison.Ordinal);
        Assert.All(quotes, q => Assert.Equal("Li Wei", analysis.SpeakerName(q)));
        Assert.Equal(3, quotes.Count);
    }

    [Fact]
    public void Pronouns_go_to_the_nearest_fitting_speaker()
    {
        const string text = "Finance Minister Sri Mulyani Indrawati spoke to reporters on Monday.\n\n“The budget is safe,” she told Reuters.";
        var (analysis, quotes) = Analyze(text);
        var quote = Assert.Single(quotes);
        Assert.Equal("she", quote.Speaker!.Text);
        Assert.Equal("Sri Mulyani Indrawati", analysis.SpeakerName(quote));
    }

    [Fact]
    public void Anonymous_and_collective_speakers_are_kept_as_descriptions()
    {
        var (_, quotes) = Analyze("“We are watching closely,” a senior defence official told reporters. “No deal,” the lawmakers said.");
        Assert.Equal("a senior defence official", quotes[0].SpeakerDescription);
        Assert.Equal("the lawmakers", quotes[1].SpeakerDescription);
    }

    [Fact]
    public void Partial_quotes_in_reported_speech_are_kept_and_marked()
    {
        var (analysis, quotes) = Analyze("President Cyril Ramaphosa vowed “swift action” against the cartels on Friday.");
        var quote = Assert.Single(quotes);
        Assert.True(quote.Partial);
        Assert.Equal("vowed", quote.Verb);
        Assert.Equal("Cyril Ramaphosa", analysis.SpeakerName(quote));
    }

    [Fact]
    public void Scare_quotes_and_titles_are_dropped()
    {
        var (_, quotes) = Analyze("She appeared on CNN's \"State of the Union\" programme to discuss the ‘new’ rules and the so-called “reforms” of the “Big Four” banks.");
        Assert.Empty(quotes);
    }

    [Fact]
    public void Colon_introductions_and_according_to_attribute_quotes()
    {
        var (analysis, quotes) = Analyze("Prime Minister Jacinda Ardern said on TVNZ: “We will not be bullied.” According to the ministry, “the talks collapsed at midnight.”");
        Assert.Equal("Jacinda Ardern", analysis.SpeakerName(quotes[0]));
        Assert.Equal("the ministry", quotes[1].SpeakerDescription);
    }

    [Fact]
    public void A_clause_about_when_after_a_quote_is_not_its_attribution()
    {
        var (analysis, quotes) = Analyze("The ad shows footage of Marta Lindqvist saying during the debate, “That makes me smart,” when Jonas Berg attacked her.");
        Assert.Equal("Marta Lindqvist", analysis.SpeakerName(Assert.Single(quotes)));
    }

    [Fact]
    public void Names_in_a_fronted_clause_are_not_the_speaker()
    {
        var (analysis, quotes) = Analyze("With party leaders worried about Marta Lindqvist among young voters, Jonas Berg is rolling out a new message: “It is about me.”");
        Assert.Equal("Jonas Berg", analysis.SpeakerName(Assert.Single(quotes)));
    }

    [Fact]
    public void A_quote_in_a_headline_is_not_given_to_the_nearest_name()
    {
        const string text = "Voters Say ‘Enough Is Enough’ As The Campaign Ends\n\nJonas Berg said on Monday that turnout would be high.";
        var (analysis, quotes) = Analyze(text);
        Assert.All(quotes.Where(q => q.Start < 50), q => Assert.Null(analysis.SpeakerName(q)));
    }

    [Fact]
    public void He_and_she_are_not_read_as_someone_of_the_other_sex()
    {
        var (analysis, quotes) = Analyze("Ingrid Solberg spoke first. Peter Reyes then took questions from the press. “We will win this seat,” she said.");
        Assert.Equal("Ingrid Solberg", analysis.SpeakerName(Assert.Single(quotes)));
    }
}
