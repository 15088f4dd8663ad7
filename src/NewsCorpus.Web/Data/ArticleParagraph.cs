namespace NewsCorpus.Web.Data;

public sealed class ArticleParagraph
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public int Ordinal { get; set; }

    public required string Text { get; set; }
}
