using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsCorpus.Web.Search;

/// <summary>A field searched for words, and how much a match there counts.</summary>
internal sealed record WeightedField(string Name, float Boost);

/// <summary>
/// Turns a parsed <see cref="SearchQuery"/> into a Lucene query, term by term: user text never reaches a query parser.
/// Words and phrases go through the same analyzer as the documents; prefixes are already expanded to index words.
/// </summary>
internal sealed class IndexQuery(SearchAnalyzer analyzer, IReadOnlyList<WeightedField> fields, Dictionary<string, List<string>> prefixes)
{
    public static readonly IReadOnlyList<WeightedField> ArticleFields = [new(SearchFields.Title, 4f), new(SearchFields.Body, 1f)];
    public static readonly IReadOnlyList<WeightedField> QuoteFields = [new(SearchFields.Text, 1f)];

    /// <summary>What the words ask for, alone (for scoring and highlighting): every group must match, any term of a group. Null without words.</summary>
    public Query? Text(SearchQuery query)
    {
        if (!query.HasTerms)
        {
            return null;
        }

        // Kept flat: one word is just its fields' clauses, so Lucene can score it in bulk.
        var groups = query.Required.Select(Group).ToList();
        if (groups.Count == 1)
        {
            return groups[0];
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var group in groups)
        {
            all.Add(group, Occur.MUST);
        }

        return all;
    }

    private Query Group(IReadOnlyList<SearchTerm> group)
    {
        if (group.Count == 1)
        {
            return Match(group[0]);
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var term in group)
        {
            any.Add(Match(term), Occur.SHOULD);
        }

        return any;
    }

    /// <summary>
    /// The whole search: the words (or every document) without the excluded terms, narrowed to one kind of document
    /// and by the filters. Filters are Lucene filters (the kind one cached per index segment): they narrow without scoring.
    /// </summary>
    public Query Build(Query? text, SearchQuery query, string kind, IReadOnlyList<Query> filters)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scored = text ?? new MatchAllDocsQuery();
        if (query.Excluded.Count > 0)
        {
            var without = new BooleanQuery(disableCoord: true) { { scored, Occur.MUST } };
            foreach (var excluded in query.Excluded)
            {
                without.Add(Match(excluded), Occur.MUST_NOT);
            }

            scored = without;
        }

        var narrowed = new FilteredQuery(scored, kind == SearchFields.ArticleKind ? s_articles : s_quotes);
        if (filters.Count == 0)
        {
            return narrowed;
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var filter in filters)
        {
            all.Add(filter, Occur.MUST);
        }

        return new FilteredQuery(narrowed, new QueryWrapperFilter(all));
    }

    private static readonly Filter s_articles = new BitSetCache(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Kind, SearchFields.ArticleKind))));
    private static readonly Filter s_quotes = new BitSetCache(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Kind, SearchFields.QuoteKind))));

    /// <summary>
    /// Caches a filter per index segment as a plain bit set, which answers "is this document in?" directly: the
    /// compressed sets Lucene caches by default can only be stepped through, which made a common word three times slower.
    /// </summary>
    private sealed class BitSetCache(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    /// <summary>Any of the values in a keyword field.</summary>
    public static Query AnyOf(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    // A term in any of the fields, each match weighted by its field.
    private BooleanQuery Match(SearchTerm term)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var field in fields)
        {
            foreach (var query in InField(term, field.Name))
            {
                query.Boost = field.Boost;
                any.Add(query, Occur.SHOULD);
            }
        }

        return any;
    }

    private IEnumerable<Query> InField(SearchTerm term, string field)
    {
        if (term.Kind == TermKind.Prefix)
        {
            return prefixes.GetValueOrDefault(term.Words[0], []).Select(word => (Query)new TermQuery(new Term(field, word)));
        }

        var words = analyzer.Terms(field, string.Join(' ', term.Words));
        return words.Count switch
        {
            0 => [],
            1 => [new TermQuery(new Term(field, words[0]))],
            _ => [Phrase(field, words)],
        };
    }

    /// <summary>Words of a speaker description, in order ("police spokesman").</summary>
    public Query DescriptionPhrase(string text)
    {
        var words = analyzer.Terms(SearchFields.SpeakerDescription, text);
        return words.Count == 0 ? new BooleanQuery() : Phrase(SearchFields.SpeakerDescription, words);
    }

    private static PhraseQuery Phrase(string field, List<string> words)
    {
        var phrase = new PhraseQuery();
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }

        return phrase;
    }
}
