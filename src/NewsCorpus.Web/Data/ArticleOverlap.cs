namespace NewsCorpus.Web.Data;

/// <summary>How many of an article's sentences another article of its story carries (the same or lightly edited): syndication.</summary>
public sealed class ArticleOverlap
{
    public int ArticleId { get; set; }

    public int OtherArticleId { get; set; }

    public Article? OtherArticle { get; set; }

    public int SharedSentences { get; set; }

    /// <summary>The article's sentence count, so the share is SharedSentences / SentenceCount.</summary>
    public int SentenceCount { get; set; }

    public double Share => SentenceCount == 0 ? 0 : (double)SharedSentences / SentenceCount;
}
