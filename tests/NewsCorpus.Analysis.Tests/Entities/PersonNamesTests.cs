using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Analysis.Tests.Entities;

/// <summary>Person mentions name only the person: labels, titles, headline words and origins are not part of a name.</summary>
public sealed class PersonNamesTests
{
    private static List<EntityMention> People(string text) => [.. TextAnalyzer.Analyze(text).Mentions.Where(m => m.Type == EntityType.Person)];

    [Theory]
    [InlineData("Republican Donald Trump said he would win the state.", "Donald Trump", "Republican")]
    [InlineData("Democrat Hillary Clinton spoke in Ohio on Monday.", "Hillary Clinton", "Democrat")]
    [InlineData("President-elect Barack Obama named his cabinet.", "Barack Obama", "President-elect")]
    [InlineData("Mike Pence of Indiana said the debate went well.", "Mike Pence", "of Indiana")]
    public void Labels_titles_and_origins_become_the_role(string text, string name, string role)
    {
        var person = Assert.Single(People(text));
        Assert.Equal(name, person.Text);
        Assert.Contains(role, person.Role, StringComparison.Ordinal);
    }

    [Fact]
    public void A_descriptive_word_before_a_given_name_is_not_part_of_the_name()
    {
        var person = Assert.Single(People("The rally heard again about Crooked Hillary Clinton and her emails, the candidate said."));
        Assert.Equal("Hillary Clinton", person.Text);
    }

    [Fact]
    public void A_title_case_headline_is_split_into_the_names_it_holds()
    {
        const string text = "Hillary Clinton Goes After Donald Trump As The New Mitt Romney\n\nHillary Clinton compared Donald Trump with Mitt Romney on Tuesday, aides said.";
        var headline = People(text).Where(p => p.End <= 62).Select(p => p.Text).ToList();
        Assert.Equal(["Hillary Clinton", "Donald Trump", "Mitt Romney"], headline);
    }

    [Fact]
    public void Headline_words_next_to_a_name_are_left_out()
    {
        const string text = "Anthony Weiner In Ad Attacking Hillary Clinton\n\nThe ad, paid for by a group close to Anthony Weiner, ran on Monday.";
        Assert.DoesNotContain(People(text), p => p.Text.Contains("Attacking", StringComparison.Ordinal) || p.Text.Contains(" In ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_possessive_is_not_part_of_the_name()
    {
        var person = Assert.Single(People("Tomasz Kowalczyk's lawyers filed the appeal on Friday."));
        Assert.Equal("Tomasz Kowalczyk", person.Text);
    }
}
