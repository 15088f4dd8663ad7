using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace NewsCorpus.Web.Search;

/// <summary>
/// How text becomes index terms, for documents and queries alike: words are runs of letters and digits (the same
/// split as <see cref="SearchQuery.Words"/>, so "don't" is "don" and "t" on both sides), lower-cased, diacritics folded
/// to ASCII, then Porter-stemmed. No stop words are dropped, so phrases with "of" and "the" stay exact.
/// </summary>
public sealed class SearchAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var words = new WordTokenizer(reader);
        TokenStream stream = new ASCIIFoldingFilter(words);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(words, stream);
    }

    /// <summary>The index terms of a piece of text, in order.</summary>
    public List<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>A prefix as the index holds the start of its words: lower-cased and folded, but not stemmed.</summary>
    public static string FoldPrefix(string prefix)
    {
        var input = prefix.ToLowerInvariant().ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    private sealed class WordTokenizer(TextReader reader) : CharTokenizer(Version, reader)
    {
        // ASCII first: nearly every character of English news is, and these run once per character indexed.
        protected override bool IsTokenChar(int c) => c < 128
            ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9
            : Rune.IsValid(c) && (Rune.IsLetterOrDigit(new Rune(c)) || Rune.GetUnicodeCategory(new Rune(c)) == UnicodeCategory.NonSpacingMark);

        protected override int Normalize(int c) => c < 128
            ? (uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c
            : Rune.IsValid(c) ? Rune.ToLowerInvariant(new Rune(c)).Value : c;
    }
}
