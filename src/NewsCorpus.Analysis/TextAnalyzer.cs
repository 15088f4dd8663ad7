using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Entities.Tagging;
using NewsCorpus.Analysis.Language;
using NewsCorpus.Analysis.Quotes;

namespace NewsCorpus.Analysis;

/// <summary>Everything the analyzer finds in one text. Offsets are UTF-16 offsets into that text, end exclusive.</summary>
public sealed record TextAnalysis(
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<EntityMention> Mentions,
    IReadOnlyList<QuoteMention> Quotes,
    IReadOnlyList<ResolvedEntity> Entities)
{
    /// <summary>The canonical name of the entity a mention belongs to.</summary>
    public string? CanonicalOf(EntityMention? mention)
    {
        if (mention is null)
        {
            return null;
        }

        foreach (var entity in Entities)
        {
            foreach (var (_, m) in entity.Mentions)
            {
                if (ReferenceEquals(m, mention))
                {
                    return entity.Canonical;
                }
            }
        }

        return mention.RefersTo ?? mention.Text;
    }

    /// <summary>Who a quote is by: the resolved entity's name, the name as written, or null for a description or nobody.</summary>
    public string? SpeakerName(QuoteMention quote) =>
        quote.Speaker?.Entity is { } entity ? CanonicalOf(entity)
        : quote.SpeakerDescription is null && quote.Speaker is { } speaker && char.IsUpper(speaker.Text[0]) && speaker.Text.Length > 2 && speaker.Text is not ("He" or "She" or "They" or "It" or "We" or "You") ? speaker.Text
        : null;
}

/// <summary>Sentences, entities and quotes of a text, in one pass over its tokens.</summary>
public static class TextAnalyzer
{
    public static TextAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        // The rules read first; the tagger decides the names with their reading as features.
        var rules = RuleMarks.Read(text, tokens, sentences);
        var mentions = TaggedMentions.Decide(text, tokens, sentences, rules, NameTagger.Default, Gazetteer.Default);
        var quotes = QuoteExtractor.Extract(text, tokens, sentences, mentions);
        var entities = EntityResolver.Resolve([mentions]);
        return new TextAnalysis(sentences, mentions, quotes, entities);
    }
}
