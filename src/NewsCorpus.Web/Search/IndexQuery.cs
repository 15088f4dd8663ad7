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

        var all = new BooleanQuery(disableCoord: true);
        foreach (var group in query.Required)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var term in group)
            {
                any.Add(Match(term), Occur.SHOULD);
            }

            all.Add(any, Occur.MUST);
        }

        return all;
    }

    /// <summary>The whole search: the words (or every document), the kind, filters that narrow without scoring, exclusions.</summary>
    public Query Build(Query? text, SearchQuery query, string kind, IEnumerable<Query> filters)
    {
        var all = new BooleanQuery(disableCoord: true)
        {
            { text ?? new MatchAllDocsQuery(), Occur.MUST },
            { Filter(new TermQuery(new Term(SearchFields.Kind, kind))), Occur.MUST },
        };
        foreach (var filter in filters)
        {
            all.Add(Filter(filter), Occur.MUST);
        }

        foreach (var excluded in query.Excluded)
        {
            all.Add(Match(excluded), Occur.MUST_NOT);
        }

        return all;
    }

    /// <summary>A condition that narrows the hits and adds nothing to their scores.</summary>
    public static Query Filter(Query query) => new ConstantScoreQuery(query) { Boost = 0f };

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
