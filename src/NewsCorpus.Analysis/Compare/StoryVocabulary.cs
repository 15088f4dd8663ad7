namespace NewsCorpus.Analysis.Compare;

/// <summary>An article's story terms as numbers: term ids in ascending order and their counts.</summary>
/// <param name="Id">The article.</param>
/// <param name="Day">Publication day; null when the article has none.</param>
/// <param name="Terms">Term ids from one <see cref="StoryVocabulary"/>, ascending.</param>
/// <param name="Counts">Each term's count.</param>
public sealed record CompactStoryDocument(int Id, DateOnly? Day, int[] Terms, int[] Counts);

/// <summary>
/// Numbers the story terms of one grouping run, so that the stored terms of a hundred thousand articles are read
/// straight into numbers (no string per term, no dictionary per article) and compared as numbers. A term is known by
/// the stable hash of its stem, the form <see cref="StoryTerms.Write"/> stores.
/// </summary>
public sealed class StoryVocabulary
{
    private readonly Dictionary<long, int> _ids = [];

    public int Count => _ids.Count;

    public int IdOf(string term) => IdOf(StableHash.Of64(term));

    private int IdOf(long hash)
    {
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, hash, out var exists);
        if (!exists)
        {
            id = _ids.Count - 1;
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

    /// <summary>Reads terms <see cref="StoryTerms.Write"/> stored; throws <see cref="FormatException"/> on anything else.</summary>
    public CompactStoryDocument Read(int id, DateOnly? day, ReadOnlySpan<byte> stored)
    {
        const string what = "story terms";
        var position = 0;
        var count = StoredBytes.ReadHeader(stored, StoryTerms.Version, ref position, what);
        var terms = new int[count];
        var counts = new int[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = IdOf(StoredBytes.ReadInt64(stored, ref position, what));
            counts[i] = StoredBytes.ReadCount(stored, ref position, what);
        }

        StoredBytes.ReadToEnd(stored, position, what);
        Array.Sort(terms, counts);
        return new CompactStoryDocument(id, day, terms, counts);
    }
}
