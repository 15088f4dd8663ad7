using NewsCorpus.Analysis;
using NewsCorpus.Analysis.Compare;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Quotes;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Ingestion;

/// <summary>Runs the analyzer on an article's paragraphs and puts its mentions and quotes on the article (replacing earlier ones).</summary>
public static class ArticleAnalysis
{
    private const int MaxContext = 600;

    /// <summary>An article's analysis as rows not yet saved (no article id).</summary>
    public sealed record Rows(List<Data.EntityMention> Mentions, List<Quote> Quotes, byte[] StoryTermCounts, byte[] SentencePrints);

    public static void Apply(Article article, IReadOnlyList<string> paragraphs)
    {
        var rows = Analyze(article.Title, paragraphs);

        // New terms mean the story must be found again (StoryGrouper picks up articles without one).
        article.StoryTermCounts = rows.StoryTermCounts;
        article.SentencePrints = rows.SentencePrints;
        article.StoryId = null;
        article.Resolved = false;
        article.QuotesClustered = false;
        article.Mentions.Clear();
        article.Mentions.AddRange(rows.Mentions);
        article.Quotes.Clear();
        article.Quotes.AddRange(rows.Quotes);
    }

    public static Rows Analyze(string title, IReadOnlyList<string> paragraphs)
    {
        var text = Article.AnalysisText(paragraphs);
        var analysis = TextAnalyzer.Analyze(text);
        var mentions = analysis.Mentions.Select(m => new Data.EntityMention
        {
            Type = m.Type,
            Text = Limit(m.Text, 300),
            Role = m.Role is null ? null : Limit(m.Role, 300),
            RefersTo = m.RefersTo is null ? null : Limit(m.RefersTo, 300),
            Start = m.Start,
            End = m.End,
        }).ToList();
        var quotes = analysis.Quotes.Select(q => new Quote
        {
            Text = q.Text,
            Partial = q.Partial,
            Verb = q.Verb is null ? null : Limit(q.Verb, 60),
            SpeakerText = q.Speaker is null ? null : Limit(q.Speaker.Text, 300),
            SpeakerDescription = q.SpeakerDescription is null ? null : Limit(q.SpeakerDescription, 300),
            SpeakerMentionStart = q.Speaker?.Entity is { Type: not EntityType.Group } entity ? entity.Start : null,
            Context = Context(text, analysis, q.Start, q.End),
            Fingerprint = QuoteClusterer.Fingerprint(q.Text),
            Start = q.Start,
            End = q.End,
        }).ToList();
        var prints = SentencePrints.Write(ComparableSentence.PrintsOf(paragraphs));
        return new Rows(mentions, quotes, StoryTerms.Write(StoryTerms.Count(title, paragraphs)), prints);
    }

    // The sentences the quote stands in, so a result can show it in its place.
    private static string Context(string text, TextAnalysis analysis, int start, int end)
    {
        var from = start;
        var to = end;
        foreach (var sentence in analysis.Sentences)
        {
            if (sentence.Start <= start && start < sentence.End)
            {
                from = sentence.Start;
            }

            if (sentence.Start < end && end <= sentence.End)
            {
                to = sentence.End;
            }
        }

        var context = text[from..to].Replace("\n\n", " ", StringComparison.Ordinal);
        return context.Length <= MaxContext ? context : context[..(MaxContext - 1)] + "…";
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}
