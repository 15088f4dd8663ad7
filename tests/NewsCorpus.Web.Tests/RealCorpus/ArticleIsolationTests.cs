using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Tests.RealCorpus;

/// <summary>A corpus-wide computation that one article breaks still runs over the others.</summary>
public sealed class ArticleIsolationTests
{
    [Fact]
    public void The_failing_article_is_set_aside_with_its_reason()
    {
        var items = new[] { (Article: 1, Value: 2), (Article: 2, Value: -1), (Article: 3, Value: 5) };
        var problems = new Dictionary<int, string>();
        var sum = ArticleIsolation.Run(items, list => list.Sum(i => i.Value >= 0 ? i.Value : throw new InvalidOperationException("negative")), i => i.Article, problems);
        Assert.Equal(7, sum);
        Assert.Equal("InvalidOperationException: negative", Assert.Single(problems).Value);
        Assert.Equal(2, problems.Keys.Single());
    }

    [Fact]
    public void Nothing_is_retried_when_nothing_fails()
    {
        var calls = 0;
        var problems = new Dictionary<int, string>();
        ArticleIsolation.Run([1, 2, 3], list => ++calls, i => i, problems);
        Assert.Equal(1, calls);
        Assert.Empty(problems);
    }
}
