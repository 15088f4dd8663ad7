using NewsCorpus.Analysis.Quotes;

namespace NewsCorpus.Analysis.Tests.Quotes;

/// <summary>Statements join only on most of their content, never on a shared phrase.</summary>
public sealed class QuoteClustererTests
{
    private static bool SameCluster(params string[] texts)
    {
        var roots = QuoteClusterer.Cluster(texts);
        return roots.Distinct().Count() == 1;
    }

    [Fact]
    public void The_same_statement_in_slightly_different_words_is_one()
    {
        Assert.True(SameCluster(
            "We will not rest until every family in this state has clean water to drink.",
            "We will not rest until every family in the state has clean water to drink",
            "we will not rest until every family in this state has clean water"));
    }

    [Fact]
    public void A_shared_idiom_does_not_join_two_statements()
    {
        Assert.False(SameCluster("The numbers are all over the place.", "His policies on trade and taxes are all over the place, and voters see it."));
        Assert.False(SameCluster(
            "The readings from the deep ocean sensors were all over the place this spring.",
            "Frankly, his statements on immigration have been all over the place."));
    }

    [Fact]
    public void Quotes_do_not_chain_through_a_middle_one()
    {
        const string a = "The bridge will reopen in March after the repairs to the eastern pillars are finished.";
        const string b = "The bridge will reopen in March after the repairs, and the ferry will keep running until the summer.";
        const string c = "The ferry will keep running until the summer, and tickets will cost the same as last year for everyone.";
        var roots = QuoteClusterer.Cluster([a, b, c]);
        Assert.NotEqual(roots[0], roots[2]);
    }

    [Fact]
    public void Longest_common_run_counts_words_in_order() =>
        Assert.Equal(3, QuoteClusterer.LongestCommonRun(["a", "b", "c", "d"], ["x", "b", "c", "d", "y"]));
}
