using System.Globalization;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Search;

/// <summary>
/// Reads a batch of articles from the database (text, outlet, date, entities, quotes and their speakers) and turns
/// each into its index documents: one for the article, one per quote. Four queries per batch, whatever its size.
/// </summary>
internal static class SearchDocuments
{
    internal sealed record ArticleRow(int Id, string Title, int? OutletId, DateOnly? PublishedOn, TimeOnly? PublishedTime);

    internal sealed record QuoteRow(int Id, int ArticleId, string Text, int? SpeakerEntityId, string? SpeakerDescription);

    /// <summary>The documents of each article that still exists, by article id.</summary>
    public static async Task<Dictionary<int, List<Document>>> LoadAsync(NewsCorpusDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        var ids = articleIds.ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new ArticleRow(a.Id, a.Title, a.OutletId, a.PublishedOn, a.PublishedTime)).ToListAsync(cancellationToken);
        var paragraphs = (await db.ArticleParagraphs.AsNoTracking().Where(p => ids.Contains(p.ArticleId))
                .OrderBy(p => p.ArticleId).ThenBy(p => p.Ordinal).Select(p => new { p.ArticleId, p.Text }).ToListAsync(cancellationToken))
            .GroupBy(p => p.ArticleId).ToDictionary(g => g.Key, g => string.Join('\n', g.Select(p => p.Text)));
        var entities = (await db.EntityMentions.AsNoTracking().Where(m => ids.Contains(m.ArticleId) && m.EntityId != null)
                .Select(m => new { m.ArticleId, EntityId = m.EntityId!.Value }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(m => m.ArticleId, m => m.EntityId);
        var quotes = (await db.Quotes.AsNoTracking().Where(q => ids.Contains(q.ArticleId))
                .Select(q => new QuoteRow(q.Id, q.ArticleId, q.Text, q.SpeakerEntityId, q.SpeakerDescription)).ToListAsync(cancellationToken))
            .ToLookup(q => q.ArticleId);

        var documents = new Dictionary<int, List<Document>>(articles.Count);
        foreach (var article in articles)
        {
            var articleQuotes = quotes[article.Id].ToList();
            var list = new List<Document>(1 + articleQuotes.Count)
            {
                ArticleDocument(article, paragraphs.GetValueOrDefault(article.Id, ""), entities[article.Id], articleQuotes),
            };
            list.AddRange(articleQuotes.Select(q => QuoteDocument(q, article)));
            documents[article.Id] = list;
        }

        return documents;
    }

    internal static Document ArticleDocument(ArticleRow article, string body, IEnumerable<int> entities, List<QuoteRow> quotes)
    {
        var document = Common(SearchFields.ArticleKind, article.Id, article);
        document.Add(new TextField(SearchFields.Title, article.Title, Field.Store.NO));
        document.Add(new TextField(SearchFields.Body, body, Field.Store.NO));
        foreach (var entity in entities)
        {
            document.Add(new StringField(SearchFields.Entity, Key(entity), Field.Store.NO));
        }

        foreach (var speaker in quotes.Where(q => q.SpeakerEntityId is not null).Select(q => q.SpeakerEntityId!.Value).Distinct())
        {
            document.Add(new StringField(SearchFields.Speaker, Key(speaker), Field.Store.NO));
        }

        foreach (var description in quotes.Select(q => q.SpeakerDescription).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            document.Add(new TextField(SearchFields.SpeakerDescription, description, Field.Store.NO));
        }

        return document;
    }

    private static Document QuoteDocument(QuoteRow quote, ArticleRow article)
    {
        var document = Common(SearchFields.QuoteKind, quote.Id, article);
        document.Add(new TextField(SearchFields.Text, quote.Text, Field.Store.NO));
        if (quote.SpeakerEntityId is { } speaker)
        {
            document.Add(new StringField(SearchFields.Speaker, Key(speaker), Field.Store.NO));
        }

        if (quote.SpeakerDescription is { } description)
        {
            document.Add(new TextField(SearchFields.SpeakerDescription, description, Field.Store.NO));
        }

        return document;
    }

    // What articles and quotes share: kind, ids, outlet and date.
    private static Document Common(string kind, int id, ArticleRow article)
    {
        var document = new Document
        {
            new StringField(SearchFields.Kind, kind, Field.Store.NO),
            new StringField(SearchFields.Article, Key(article.Id), Field.Store.NO),
            new NumericDocValuesField(SearchFields.Id, id),
            new StringField(SearchFields.Outlet, article.OutletId is { } outlet ? Key(outlet) : SearchFields.NoOutlet, Field.Store.NO),
            new NumericDocValuesField(SearchFields.When, When(article.PublishedOn, article.PublishedTime)),
        };
        if (article.PublishedOn is { } day)
        {
            document.Add(new Int32Field(SearchFields.Day, day.DayNumber, s_dayType));
        }

        return document;
    }

    // A day is one of a few thousand values: two trie terms per document are plenty for range filters.
    private static readonly FieldType s_dayType = new(Int32Field.TYPE_NOT_STORED) { NumericPrecisionStep = SearchFields.DayPrecisionStep };

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Undated sorts last when newest comes first.</summary>
    private static long When(DateOnly? day, TimeOnly? time) =>
        day is { } d ? d.ToDateTime(time ?? TimeOnly.MinValue).Ticks : long.MinValue;
}
