using System.Globalization;

namespace NewsCorpus.Analysis.Compare;

/// <summary>An article's story terms as numbers: term ids in ascending order and their counts.</summary>
/// <param name="Id">The article.</param>
/// <param name="Day">Publication day; null when the article has none.</param>
/// <param name="Terms">Term ids from one <see cref="StoryVocabulary"/>, ascending.</param>
/// <param name="Counts">Each term's count.</param>
public sealed record CompactStoryDocument(int Id, DateOnly? Day, int[] Terms, int[] Counts);

/// <summary>
/// Numbers the story terms of one grouping run, so that the stored terms of a hundred thousand articles are read
/// straight into numbers (no string per term, no dictionary per article) and compared as numbers.
/// </summary>
public sealed class StoryVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Count => _ids.Count;

    public int IdOf(ReadOnlySpan<char> term)
    {
        var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(term, out var id))
        {
            id = _ids.Count;
            lookup[term] = id;
        }

        return id;
    }

    public CompactStoryDocument Compact(StoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var terms = new int[document.Terms.Count];
        var counts = new int[terms.Length];
        var i = 0;
        foreach (var (term, count) in document.Terms)
        {
            (terms[i], counts[i]) = (IdOf(term), count);
            i++;
        }

        Array.Sort(terms, counts);
        return new CompactStoryDocument(document.Id, document.Day, terms, counts);
    }

    /// <summary>Reads terms written by <see cref="StoryTerms.Format"/> ("stem:count" pairs); pairs that are no such pair are skipped.</summary>
    public CompactStoryDocument Read(int id, DateOnly? day, string? formatted)
    {
        var terms = new List<int>(StoryTerms.MaxTerms);
        var counts = new List<int>(StoryTerms.MaxTerms);
        var text = formatted.AsSpan();
        foreach (var range in text.Split(' '))
        {
            var pair = text[range];
            var colon = pair.LastIndexOf(':');
            if (colon > 0 && int.TryParse(pair[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                terms.Add(IdOf(pair[..colon]));
                counts.Add(count);
            }
        }

        int[] termArray = [.. terms], countArray = [.. counts];
        Array.Sort(termArray, countArray);
        return new CompactStoryDocument(id, day, termArray, countArray);
    }
}
