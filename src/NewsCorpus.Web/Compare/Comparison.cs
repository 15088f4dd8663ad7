using NewsCorpus.Analysis.Compare;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Compare;

/// <summary>One compared article: its headline and metadata, and how much of its text the others carry.</summary>
public sealed record ComparedArticle(int Id, string Title, string? Outlet, DateOnly? PublishedOn, string? Byline, string? WireOrigin,
    int WordCount, int Sentences, int SharedWithAll, int SharedWithSome, int Unique);

public sealed record SegmentView(string Text, bool Changed);

/// <summary>An article's sentence in an alignment row; Anchor is its element id on the compare page.</summary>
public sealed record SentenceView(int Index, string Text, IReadOnlyList<SegmentView> Segments, string Anchor);

/// <summary>A row of aligned text: "identical", "edited", "reworded" or "unique", and per article its sentence or null.</summary>
public sealed record AlignmentRowView(string Match, IReadOnlyList<string?> Sentences, IReadOnlyList<SentenceView?> Cells);

/// <summary>A speaker or an entity with a count per article (in article order) and where each count's first passage is.</summary>
public sealed record GridRow(string Name, int? EntityId, EntityType? Type, IReadOnlyList<int> Counts, IReadOnlyList<string?> Anchors)
{
    /// <summary>Some of the compared articles mention it and some do not.</summary>
    public bool OnlySome => Counts.Any(c => c == 0);
}

public sealed record QuoteVariant(int ArticleId, int QuoteId, string Text, string? Speaker, string? Anchor);

/// <summary>The same statement as carried by several of the compared articles.</summary>
public sealed record QuoteClusterView(int ClusterId, string Text, IReadOnlyList<QuoteVariant> Variants);

public sealed record NumberView(string Text, double Value, string Sentence, string? Anchor);

/// <summary>Figures about one thing (what they count) per article; Differs when articles give different figures for it.</summary>
public sealed record NumberRow(string Unit, IReadOnlyList<IReadOnlyList<NumberView>> PerArticle, bool Differs);

/// <summary>A word family with a count per article and where each article first uses it.</summary>
public sealed record FramingRow(string Family, IReadOnlyList<int> Counts, IReadOnlyList<string?> Anchors);

public sealed record Comparison(
    IReadOnlyList<ComparedArticle> Articles,
    IReadOnlyList<AlignmentRowView> Alignment,
    IReadOnlyList<GridRow> Speakers,
    IReadOnlyList<QuoteClusterView> QuoteClusters,
    IReadOnlyList<GridRow> Entities,
    IReadOnlyList<NumberRow> Numbers,
    IReadOnlyList<FramingRow> Acts,
    IReadOnlyList<FramingRow> Verbs)
{
    public static string MatchName(SentenceMatch match) => match switch
    {
        SentenceMatch.Identical => "identical",
        SentenceMatch.Edited => "edited",
        SentenceMatch.Reworded => "reworded",
        _ => "unique",
    };
}
