using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Compare;
using NewsCorpus.Web.Data;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Compare;

/// <summary>
/// Compares 2 to 6 articles: aligned sentences with word-level changes, who each quotes, which entities each
/// mentions, the figures each gives, and the words each uses for what happened and for reporting speech.
/// </summary>
public sealed class CompareService(NewsCorpusDbContext db)
{
    private const int MaxEntities = 40;
    private const int MaxSpeakers = 40;
    private const int MaxNumbers = 60;
    private const int MaxFraming = 10;

    private sealed record QuoteRow(int Id, int ArticleId, string Text, int Start, string? Speaker, string? SpeakerText, string? SpeakerDescription, int? SpeakerEntityId, int? ClusterId);

    private sealed record MentionRow(int ArticleId, int EntityId, string Name, EntityType Type, int Start);

    /// <summary>The comparison, or the ids that do not exist.</summary>
    public async Task<(Comparison? Comparison, IReadOnlyList<int> Missing)> CompareAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, Outlet = a.Outlet == null ? null : a.Outlet.Name, a.PublishedOn, a.Byline, a.WireOrigin, a.WordCount })
            .ToListAsync(cancellationToken);
        var missing = ids.Where(id => articles.All(a => a.Id != id)).ToList();
        if (missing.Count > 0)
        {
            return (null, missing);
        }

        var ordered = ids.Select(id => articles.Single(a => a.Id == id)).ToList();
        var paragraphs = (await db.ArticleParagraphs.AsNoTracking().Where(p => ids.Contains(p.ArticleId))
                .Select(p => new { p.ArticleId, p.Ordinal, p.Text }).ToListAsync(cancellationToken))
            .GroupBy(p => p.ArticleId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Ordinal).Select(p => p.Text).ToList());
        var texts = ids.Select(id => paragraphs.GetValueOrDefault(id) ?? []).ToList();
        var sentences = texts.Select(ComparableSentence.FromParagraphs).ToList();
        var locators = ids.Select((id, i) => new SentenceLocator(id, texts[i], sentences[i])).ToList();

        var alignment = SentenceAligner.Align(sentences);
        var rows = alignment.Rows.Select(row => new AlignmentRowView(
            Comparison.MatchName(row.Match),
            row.Cells.Select(c => c?.Text).ToList(),
            row.Cells.Select((c, i) => c is null ? null : new SentenceView(c.Index, c.Text, c.Segments.Select(s => new SegmentView(s.Text, s.Changed)).ToList(), locators[i].AnchorOf(c.Index))).ToList()))
            .ToList();
        var compared = ordered.Select((a, i) => new ComparedArticle(a.Id, a.Title, a.Outlet, a.PublishedOn, a.Byline, a.WireOrigin, a.WordCount,
            alignment.Summaries[i].Sentences, alignment.Summaries[i].SharedWithAll, alignment.Summaries[i].SharedWithSome, alignment.Summaries[i].Unique)).ToList();

        var quotes = await db.Quotes.AsNoTracking().Where(q => ids.Contains(q.ArticleId))
            .Select(q => new QuoteRow(q.Id, q.ArticleId, q.Text, q.Start, q.SpeakerEntity == null ? null : q.SpeakerEntity.Name, q.SpeakerText, q.SpeakerDescription, q.SpeakerEntityId, q.QuoteClusterId))
            .ToListAsync(cancellationToken);
        var mentions = await db.EntityMentions.AsNoTracking().Where(m => ids.Contains(m.ArticleId) && m.EntityId != null)
            .Select(m => new MentionRow(m.ArticleId, m.EntityId!.Value, m.Entity!.Name, m.Entity.Type, m.Start))
            .ToListAsync(cancellationToken);

        var analysisTexts = texts.Select(t => Article.AnalysisText(t)).ToList();
        return (new Comparison(
            compared,
            rows,
            Speakers(ids, quotes, locators),
            QuoteClusters(ids, quotes, locators),
            Entities(ids, mentions, locators),
            Numbers(analysisTexts, locators),
            FramingRows(analysisTexts, locators, FramingKind.Act),
            FramingRows(analysisTexts, locators, FramingKind.Verb)), []);
    }

    private static List<GridRow> Speakers(IReadOnlyList<int> ids, List<QuoteRow> quotes, List<SentenceLocator> locators) =>
        Grid(ids, quotes.Select(q => (Key: SpeakerKey(q), q.ArticleId, q.Start, Name: SpeakerName(q), q.SpeakerEntityId, Type: (EntityType?)null)), locators)
            .Take(MaxSpeakers).ToList();

    private static string SpeakerKey(QuoteRow quote) =>
        quote.SpeakerEntityId is { } id ? "e" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "t" + SpeakerName(quote);

    private static string SpeakerName(QuoteRow quote) =>
        quote.Speaker ?? (quote.SpeakerDescription is { } description ? $"unnamed: {description}"
            : quote.SpeakerText is { Length: > 0 } text && char.IsUpper(text[0]) ? text
            : "no speaker found");

    private static List<GridRow> Entities(IReadOnlyList<int> ids, List<MentionRow> mentions, List<SentenceLocator> locators) =>
        Grid(ids, mentions.Select(m => (Key: "e" + m.EntityId.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ArticleId, m.Start, m.Name, (int?)m.EntityId, (EntityType?)m.Type)), locators)
            .Take(MaxEntities).ToList();

    // Rows ordered by how many articles carry them, then by how often; each count links to its first passage.
    private static IEnumerable<GridRow> Grid(IReadOnlyList<int> ids, IEnumerable<(string Key, int ArticleId, int Start, string Name, int? EntityId, EntityType? Type)> items, List<SentenceLocator> locators) =>
        items.GroupBy(i => i.Key)
            .Select(g =>
            {
                var first = g.First();
                var counts = ids.Select(id => g.Count(i => i.ArticleId == id)).ToList();
                var anchors = ids.Select((id, index) => g.Where(i => i.ArticleId == id).OrderBy(i => i.Start).Select(i => locators[index].AnchorAt(i.Start)).FirstOrDefault()).ToList();
                return new GridRow(first.Name, first.EntityId, first.Type, counts, anchors);
            })
            .OrderByDescending(r => r.Counts.Count(c => c > 0))
            .ThenByDescending(r => r.Counts.Sum())
            .ThenBy(r => r.Name, StringComparer.Ordinal);

    private static List<QuoteClusterView> QuoteClusters(IReadOnlyList<int> ids, List<QuoteRow> quotes, List<SentenceLocator> locators) =>
        quotes.Where(q => q.ClusterId is not null)
            .GroupBy(q => q.ClusterId!.Value)
            .Where(g => g.Select(q => q.ArticleId).Distinct().Count() > 1)
            .Select(g => new QuoteClusterView(
                g.Key,
                g.OrderByDescending(q => q.Text.Length).First().Text,
                g.OrderBy(q => IndexOf(ids, q.ArticleId)).ThenBy(q => q.Start)
                    .Select(q => new QuoteVariant(q.ArticleId, q.Id, q.Text, SpeakerName(q), locators[IndexOf(ids, q.ArticleId)].AnchorAt(q.Start)))
                    .ToList()))
            .OrderByDescending(c => c.Variants.Select(v => v.ArticleId).Distinct().Count())
            .ThenBy(c => c.ClusterId)
            .ToList();

    private static int IndexOf(IReadOnlyList<int> ids, int id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<NumberRow> Numbers(List<string> texts, List<SentenceLocator> locators)
    {
        var perArticle = texts.Select(NumberExtractor.Extract).ToList();
        return perArticle.SelectMany(n => n.Select(x => x.Unit)).Distinct(StringComparer.Ordinal)
            .Select(unit =>
            {
                var cells = perArticle.Select((numbers, i) => (IReadOnlyList<NumberView>)numbers.Where(n => n.Unit == unit)
                    .Select(n => new NumberView(n.Text, n.Value, n.Sentence, locators[i].AnchorAt(n.Start))).ToList()).ToList();
                var carriers = cells.Where(c => c.Count > 0).ToList();
                var differs = carriers.Count > 1 && carriers.Select(c => string.Join('|', c.Select(n => n.Value).Distinct().Order())).Distinct().Count() > 1;
                return new NumberRow(unit, cells, differs);
            })
            .OrderByDescending(r => r.Differs)
            .ThenByDescending(r => r.PerArticle.Count(c => c.Count > 0))
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .Take(MaxNumbers)
            .ToList();
    }

    private static List<FramingRow> FramingRows(List<string> texts, List<SentenceLocator> locators, FramingKind kind)
    {
        var counts = texts.Select(t => Framing.Count(t).Where(c => c.Kind == kind).ToDictionary(c => c.Family)).ToList();
        return counts.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal)
            .Select(family => new FramingRow(
                family,
                counts.Select(c => c.TryGetValue(family, out var count) ? count.Count : 0).ToList(),
                counts.Select((c, i) => c.TryGetValue(family, out var count) ? locators[i].AnchorAt(count.FirstStart) : null).ToList()))
            .OrderByDescending(r => r.Counts.Sum())
            .ThenBy(r => r.Family, StringComparer.Ordinal)
            .Take(MaxFraming)
            .ToList();
    }

    /// <summary>Maps offsets in an article's text (paragraphs joined by a blank line) to its sentences' anchors.</summary>
    private sealed class SentenceLocator
    {
        private readonly int _articleId;
        private readonly List<(int Start, int Index)> _starts = [];

        public SentenceLocator(int articleId, List<string> paragraphs, List<ComparableSentence> sentences)
        {
            _articleId = articleId;
            var paragraphStarts = new int[paragraphs.Count];
            for (int p = 0, offset = 0; p < paragraphs.Count; p++)
            {
                paragraphStarts[p] = offset;
                offset += paragraphs[p].Length + 2;
            }

            foreach (var sentence in sentences)
            {
                _starts.Add((paragraphStarts[sentence.Paragraph] + sentence.Start, sentence.Index));
            }
        }

        public string AnchorOf(int sentenceIndex) => $"a{_articleId}-s{sentenceIndex}";

        public string? AnchorAt(int offset)
        {
            if (_starts.Count == 0)
            {
                return null;
            }

            var found = _starts[0].Index;
            foreach (var (start, index) in _starts)
            {
                if (start > offset)
                {
                    break;
                }

                found = index;
            }

            return AnchorOf(found);
        }
    }
}
