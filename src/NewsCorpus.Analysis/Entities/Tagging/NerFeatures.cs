namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// The tagger's features for each word of a sentence, hashed into a fixed number of buckets (FNV-1a over a template
/// number and the feature's characters, the same on every machine): the word, its lower-case form and shape, prefixes
/// and suffixes, its neighbours and their shapes, where it stands, whether the line is a headline, and what the
/// recognizer's lists know (given names, places, organisations, titles, demonyms, words that start sentences).
/// </summary>
public sealed class NerFeatures(Gazetteer gazetteer, int bucketBits)
{
    public const int MaxPerWord = 48;

    private readonly uint _mask = (1u << bucketBits) - 1;

    public static NerFeatures Default(int bucketBits) => new(Gazetteer.Default, bucketBits);

    /// <summary>The feature buckets of each word of the sentence.</summary>
    public int[][] Extract(string[] words)
    {
        var lines = LineKind(words);
        var spans = GazetteerSpans(words);
        var result = new int[words.Length][];
        var buffer = new List<int>(MaxPerWord);
        for (var i = 0; i < words.Length; i++)
        {
            buffer.Clear();
            AddWord(buffer, words, i, lines, spans[i]);
            result[i] = [.. buffer];
        }

        return result;
    }

    private void AddWord(List<int> f, string[] words, int i, int lines, int spans)
    {
        var word = words[i];
        f.Add(Hash(0, ""));
        f.Add(Hash(1, word));
        f.Add(Hash(2, Lower(word)));
        f.Add(Hash(3, Shape(word, collapse: false)));
        var shape = Shape(word, collapse: true);
        f.Add(Hash(4, shape));
        var lower = Lower(word);
        for (var k = 1; k <= 4 && k <= lower.Length; k++)
        {
            f.Add(Hash(4 + k, lower[..k]));
            f.Add(Hash(8 + k, lower[^k..]));
        }

        f.Add(Hash(13, i > 0 ? Lower(words[i - 1]) : "<s>"));
        f.Add(Hash(14, i + 1 < words.Length ? Lower(words[i + 1]) : "</s>"));
        f.Add(Hash(15, i > 1 ? Lower(words[i - 2]) : "<s>"));
        f.Add(Hash(16, i + 2 < words.Length ? Lower(words[i + 2]) : "</s>"));
        f.Add(Hash(17, i > 0 ? Shape(words[i - 1], collapse: true) : "<s>"));
        f.Add(Hash(18, i + 1 < words.Length ? Shape(words[i + 1], collapse: true) : "</s>"));
        f.Add(Hash(30, (i > 0 ? Lower(words[i - 1]) : "<s>") + " " + lower));
        f.Add(Hash(31, lower + " " + (i + 1 < words.Length ? Lower(words[i + 1]) : "</s>")));
        f.Add(Hash(32, (i > 0 ? Shape(words[i - 1], collapse: true) : "<s>") + " " + shape + " " + (i + 1 < words.Length ? Shape(words[i + 1], collapse: true) : "</s>")));
        if (i == 0)
        {
            f.Add(Hash(19, shape));
        }

        f.Add(Hash(20, lines + "|" + shape));
        AddKnowledge(f, words, i, spans, shape);
    }

    // What the lists know, as features the weights decide on, not as decisions.
    private void AddKnowledge(List<int> f, string[] words, int i, int spans, string shape)
    {
        var word = words[i];
        if (gazetteer.IsGivenName(word))
        {
            f.Add(Hash(22, shape));
        }

        if (i > 0 && gazetteer.IsGivenName(words[i - 1]))
        {
            f.Add(Hash(23, shape));
        }

        if (gazetteer.DemonymOf(word) is not null)
        {
            f.Add(Hash(24, ""));
        }

        if (gazetteer.IsTitle(word) || gazetteer.IsTitle(word.TrimEnd('.')))
        {
            f.Add(Hash(25, ""));
        }

        if (i > 0 && (gazetteer.IsTitle(words[i - 1]) || gazetteer.IsTitle(words[i - 1].TrimEnd('.'))))
        {
            f.Add(Hash(26, shape));
        }

        if (gazetteer.IsCommonWord(word))
        {
            f.Add(Hash(27, i == 0 ? "first" : "later"));
        }

        if (spans != 0)
        {
            f.Add(Hash(28, spans.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>0 plain, 1 all capitals (a headline or crosshead), 2 Title Case.</summary>
    private static int LineKind(string[] words)
    {
        int letters = 0, caps = 0, title = 0;
        foreach (var word in words)
        {
            if (word.Length == 0 || !char.IsLetter(word[0]))
            {
                continue;
            }

            letters++;
            caps += word.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? 1 : 0;
            title += char.IsUpper(word[0]) ? 1 : 0;
        }

        return letters >= 2 && caps >= letters * 0.8 ? 1 : letters >= 4 && title >= letters * 0.75 ? 2 : 0;
    }

    // Words inside a place or organisation the gazetteer knows, several words long included: 1/2 begin/inside a place, 3/4 an organisation.
    private int[] GazetteerSpans(string[] words)
    {
        var marks = new int[words.Length];
        var longest = Math.Min(gazetteer.MaxLocationTokens, 6);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length == 0 || !char.IsUpper(words[i][0]))
            {
                continue;
            }

            for (var length = Math.Min(longest, words.Length - i); length >= 1; length--)
            {
                var name = length == 1 ? words[i] : string.Join(' ', words, i, length);
                var kind = gazetteer.Location(name) is not null ? 1 : gazetteer.Organization(name) is not null ? 3 : 0;
                if (kind == 0)
                {
                    continue;
                }

                marks[i] = kind;
                for (var k = i + 1; k < i + length; k++)
                {
                    marks[k] = kind + 1;
                }

                i += length - 1;
                break;
            }
        }

        return marks;
    }

    private static string Lower(string word) => word.ToLowerInvariant();

    /// <summary>"Xxxx", "XX", "dd-dd"; collapsed, repeats of a class are one ("Xx", "X", "d-d").</summary>
    public static string Shape(string word, bool collapse)
    {
        Span<char> shape = stackalloc char[Math.Min(word.Length, 16)];
        var length = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if ((collapse && length > 0 && shape[length - 1] == s) || length == shape.Length)
            {
                continue;
            }

            shape[length++] = s;
        }

        return new string(shape[..length]);
    }

    private int Hash(int template, string value)
    {
        var hash = 2166136261u;
        hash = (hash ^ (uint)template) * 16777619u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
            hash = (hash ^ (uint)(c >> 8)) * 16777619u;
        }

        return (int)(hash & _mask);
    }
}
