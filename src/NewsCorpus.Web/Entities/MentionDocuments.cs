using AnalysisMention = NewsCorpus.Analysis.Entities.EntityMention;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// The mentions of the articles a resolution reads, one list per article in start order, with their row ids alongside.
/// Names repeat across millions of mentions, so each distinct string is kept once: memory grows with the names, not
/// the mentions. An article with a malformed mention is left out with the reason.
/// </summary>
public sealed class MentionDocuments
{
    private readonly List<int[]> _rowIds = [];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public List<IReadOnlyList<AnalysisMention>> Documents { get; } = [];

    public List<int> ArticleIds { get; } = [];

    public Dictionary<int, string> Problems { get; } = [];

    public int MentionCount { get; private set; }

    /// <summary>Reads the mentions of the articles the query selects (its rows ordered by article, then start).</summary>
    public static MentionDocuments Read(IEnumerable<MentionRow> rows, CancellationToken cancellationToken)
    {
        var read = new MentionDocuments();
        List<AnalysisMention>? document = null;
        List<int>? ids = null;
        var current = 0;
        var seen = 0;

        // Read synchronously: async enumeration costs more per row than the read itself at millions of rows.
        foreach (var row in rows)
        {
            if ((++seen & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (document is null || row.ArticleId != current)
            {
                read.Close(current, document, ids);
                (document, ids, current) = ([], [], row.ArticleId);
            }

            if (!Enum.IsDefined(row.Type) || row.End < row.Start || string.IsNullOrEmpty(row.Text))
            {
                read.Problems[row.ArticleId] = $"mention {row.Id} is malformed (type '{row.Type}', {row.Start}–{row.End})";
                continue;
            }

            document.Add(new AnalysisMention(row.Type, row.Start, row.End, read.Once(row.Text)!, read.Once(row.Role), read.Once(row.RefersTo)));
            ids!.Add(row.Id);
            read.MentionCount++;
        }

        read.Close(current, document, ids);
        read._names.Clear();
        return read;
    }

    /// <summary>The row a resolved mention came from: its document's mentions are in start order, so search by start.</summary>
    public int RowIdOf(int document, AnalysisMention mention)
    {
        var mentions = Documents[document];
        int low = 0, high = mentions.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (mentions[middle].Start < mention.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var k = low; k < mentions.Count; k++)
        {
            if (ReferenceEquals(mentions[k], mention))
            {
                return _rowIds[document][k];
            }
        }

        throw new InvalidOperationException("A resolved mention is not in its document.");
    }

    private void Close(int articleId, List<AnalysisMention>? document, List<int>? ids)
    {
        if (document is { Count: > 0 } && !Problems.ContainsKey(articleId))
        {
            Documents.Add(document);
            ArticleIds.Add(articleId);
            _rowIds.Add([.. ids!]);
        }
    }

    private string? Once(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_names.TryGetValue(value, out var kept))
        {
            return kept;
        }

        _names[value] = value;
        return value;
    }
}

/// <summary>A stored mention as the resolution reads it.</summary>
public sealed record MentionRow(int Id, int ArticleId, NewsCorpus.Analysis.Entities.EntityType Type, string Text, string? Role, string? RefersTo, int Start, int End);
