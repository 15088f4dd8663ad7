namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// The tagger's features for each word of a sentence, hashed into a fixed number of buckets: the word, its lower-case
/// form and shape, prefixes and suffixes, its neighbours and their shapes, where it stands, whether the line is a
/// headline, what the recognizer's lists know (given names, places, organisations, titles, demonyms, words that start
/// sentences, the head words of organisation and place names) and what the rules read (<see cref="RuleMarks"/>).
/// Each word's strings are hashed once (FNV-1a, the same on every machine) and features combine those hashes, so
/// extraction makes no strings.
/// </summary>
public sealed class NerFeatures(Gazetteer gazetteer, int bucketBits)
{
    public const int MaxPerWord = 56;

    private const uint Start = 1;
    private const uint End = 2;

    private readonly uint _mask = (1u << bucketBits) - 1;

    public static NerFeatures Default(int bucketBits) => new(Gazetteer.Default, bucketBits);

    /// <summary>The feature buckets of each word of the sentence; <paramref name="rules"/>: the rules' mark on each word, if read.</summary>
    public int[][] Extract(string[] words, string?[]? rules = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var n = words.Length;
        var lower = new uint[n];
        var shape = new uint[n];
        for (var i = 0; i < n; i++)
        {
            lower[i] = HashLower(words[i], 0, words[i].Length);
            shape[i] = HashShape(words[i], collapse: true);
        }

        var sentence = new SentenceView(words, lower, shape, rules, LineKind(words), GazetteerSpans(words), RunHeads(words), Facts(words));
        var result = new int[n][];
        Span<int> buffer = stackalloc int[MaxPerWord];
        for (var i = 0; i < n; i++)
        {
            var features = new Collector(buffer, _mask);
            AddWord(ref features, sentence, i);
            AddKnowledge(ref features, sentence, i);
            AddRules(ref features, sentence, i);
            result[i] = features.ToArray();
        }

        return result;
    }

    private readonly record struct SentenceView(string[] Words, uint[] Lower, uint[] Shape, string?[]? Rules, int Lines, byte[] Spans, char[] Heads, WordFacts[] Facts)
    {
        public uint LowerAt(int i) => i < 0 ? Start : i >= Words.Length ? End : Lower[i];

        public uint ShapeAt(int i) => i < 0 ? Start : i >= Words.Length ? End : Shape[i];
    }

    private ref struct Collector(Span<int> buffer, uint mask)
    {
        private readonly Span<int> _buffer = buffer;
        private int _count;

        public void Add(int template, uint value) => _buffer[_count++] = (int)(Mix(Seed(template), value) & mask);

        public void Add(int template, uint first, uint second) => _buffer[_count++] = (int)(Mix(Mix(Seed(template), first), second) & mask);

        public void Add(int template, uint first, uint second, uint third) =>
            _buffer[_count++] = (int)(Mix(Mix(Mix(Seed(template), first), second), third) & mask);

        public readonly int[] ToArray() => _buffer[.._count].ToArray();
    }

    private static void AddWord(ref Collector f, SentenceView s, int i)
    {
        var word = s.Words[i];
        f.Add(0, 0);
        f.Add(1, HashExact(word));
        f.Add(2, s.Lower[i]);
        f.Add(3, HashShape(word, collapse: false));
        f.Add(4, s.Shape[i]);
        for (var k = 1; k <= 4 && k <= word.Length; k++)
        {
            f.Add(4 + k, HashLower(word, 0, k));
            f.Add(8 + k, HashLower(word, word.Length - k, k));
        }

        f.Add(13, s.LowerAt(i - 1));
        f.Add(14, s.LowerAt(i + 1));
        f.Add(15, s.LowerAt(i - 2));
        f.Add(16, s.LowerAt(i + 2));
        f.Add(17, s.ShapeAt(i - 1));
        f.Add(18, s.ShapeAt(i + 1));
        f.Add(30, s.LowerAt(i - 1), s.Lower[i]);
        f.Add(31, s.Lower[i], s.LowerAt(i + 1));
        f.Add(32, s.ShapeAt(i - 1), s.Shape[i], s.ShapeAt(i + 1));
        if (i == 0)
        {
            f.Add(19, s.Shape[i]);
        }

        f.Add(20, (uint)s.Lines, s.Shape[i]);
        if (s.Heads[i] != '\0')
        {
            f.Add(33, s.Heads[i]);
        }
    }

    [Flags]
    private enum WordFacts : byte
    {
        None = 0,
        GivenName = 1,
        Demonym = 2,
        Title = 4,
        CommonWord = 8,
    }

    // What the lists say of each word, looked up once per word; given names, demonyms and titles are all capitalised.
    private WordFacts[] Facts(string[] words)
    {
        var facts = new WordFacts[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var fact = gazetteer.IsCommonWord(word) ? WordFacts.CommonWord : WordFacts.None;
            if (IsCapitalised(word))
            {
                fact |= gazetteer.IsGivenName(word) ? WordFacts.GivenName : WordFacts.None;
                fact |= gazetteer.DemonymOf(word) is not null ? WordFacts.Demonym : WordFacts.None;
                fact |= IsTitle(word) ? WordFacts.Title : WordFacts.None;
            }

            facts[i] = fact;
        }

        return facts;
    }

    // What the lists know, as features the weights decide on, not as decisions.
    private static void AddKnowledge(ref Collector f, SentenceView s, int i)
    {
        var (facts, shape) = (s.Facts[i], s.Shape[i]);
        var previous = i > 0 ? s.Facts[i - 1] : WordFacts.None;
        if (facts.HasFlag(WordFacts.GivenName))
        {
            f.Add(22, shape);
        }

        if (previous.HasFlag(WordFacts.GivenName))
        {
            f.Add(23, shape);
        }

        if (facts.HasFlag(WordFacts.Demonym))
        {
            f.Add(24, 0);
        }

        if (facts.HasFlag(WordFacts.Title))
        {
            f.Add(25, 0);
        }

        if (previous.HasFlag(WordFacts.Title))
        {
            f.Add(26, shape);
        }

        if (facts.HasFlag(WordFacts.CommonWord))
        {
            f.Add(27, i == 0 ? 1u : 2u);
        }

        if (s.Spans[i] != 0)
        {
            f.Add(28, s.Spans[i]);
        }
    }

    private bool IsTitle(string word) => gazetteer.IsTitle(word) || (word.EndsWith('.') && gazetteer.IsTitle(word.TrimEnd('.')));

    // The rules' reading of the word and its neighbours; a capitalised word they left out is marked too.
    private static void AddRules(ref Collector f, SentenceView s, int i)
    {
        if (s.Rules is null)
        {
            return;
        }

        var mark = s.Rules[i] is { } m ? MarkCode(m) : IsCapitalised(s.Words[i]) ? 1u : 0u;
        if (mark != 0)
        {
            f.Add(36, mark);
            f.Add(37, mark, (uint)s.Lines);
        }

        var previous = i > 0 ? MarkCode(s.Rules[i - 1]) : Start;
        var next = i + 1 < s.Words.Length ? MarkCode(s.Rules[i + 1]) : End;
        f.Add(38, previous, s.Rules[i] is { } own ? MarkCode(own) : 3u, next);
    }

    private static uint MarkCode(string? mark) => mark is null ? 3u : ((uint)mark[0] << 8) | mark[^1];

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
            caps += IsAllCaps(word) ? 1 : 0;
            title += char.IsUpper(word[0]) ? 1 : 0;
        }

        return letters >= 2 && caps >= letters * 0.8 ? 1 : letters >= 4 && title >= letters * 0.75 ? 2 : 0;
    }

    private static bool IsAllCaps(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    // Words inside a place or organisation the gazetteer knows, several words long included: 1/2 begin/inside a place, 3/4 an organisation.
    private byte[] GazetteerSpans(string[] words)
    {
        var marks = new byte[words.Length];
        var longest = Math.Min(gazetteer.MaxLocationTokens, 6);
        Span<char> name = stackalloc char[128];
        for (var i = 0; i < words.Length; i++)
        {
            if (!IsCapitalised(words[i]))
            {
                continue;
            }

            for (var length = Math.Min(longest, words.Length - i); length >= 1; length--)
            {
                // A known name ends in a capitalised word; the others are not looked up.
                var joined = IsCapitalised(words[i + length - 1]) ? Join(words, i, length, name) : 0;
                var (location, organization) = joined > 0 ? gazetteer.Knows(name[..joined]) : (false, false);
                var kind = location ? (byte)1 : organization ? (byte)3 : (byte)0;
                if (kind == 0)
                {
                    continue;
                }

                marks[i] = kind;
                for (var k = i + 1; k < i + length; k++)
                {
                    marks[k] = (byte)(kind + 1);
                }

                i += length - 1;
                break;
            }
        }

        return marks;
    }

    // The words joined by spaces into the buffer; 0 when they do not fit.
    private static int Join(string[] words, int from, int count, Span<char> buffer)
    {
        var length = 0;
        for (var k = from; k < from + count; k++)
        {
            var word = words[k];
            if (length + word.Length + 1 > buffer.Length)
            {
                return 0;
            }

            if (k > from)
            {
                buffer[length++] = ' ';
            }

            word.AsSpan().CopyTo(buffer[length..]);
            length += word.Length;
        }

        return length;
    }

    /// <summary>
    /// For each word in a run of capitalised words (particles such as "of" inside), what the run's words say of it: 'o' an
    /// organisation head ends it ("… Council"), 'l' a place head ("… Reservoir"), 'e' an event word is in it ("… Cup");
    /// upper case when the word is that head itself. 0 outside runs or without such a word.
    /// </summary>
    private static char[] RunHeads(string[] words)
    {
        var marks = new char[words.Length];
        var i = 0;
        while (i < words.Length)
        {
            if (!IsCapitalised(words[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < words.Length && (IsCapitalised(words[end + 1]) || (end + 2 < words.Length && NameSpans.Connectors.Contains(words[end + 1]) && IsCapitalised(words[end + 2]))))
            {
                end++;
            }

            MarkRun(words, i, end, marks);
            i = end + 1;
        }

        return marks;
    }

    private static void MarkRun(string[] words, int from, int to, char[] marks)
    {
        var last = words[to];
        var kind = NameSpans.OrganizationHeads.Contains(last) ? 'o' : NameSpans.LocationHeads.Contains(last) ? 'l' : '\0';
        for (var k = from; k <= to && kind == '\0'; k++)
        {
            kind = NameSpans.EventWords.Contains(words[k]) ? 'e' : kind;
        }

        for (var k = from; kind != '\0' && k <= to; k++)
        {
            marks[k] = (k == to && kind != 'e') || NameSpans.EventWords.Contains(words[k]) ? char.ToUpperInvariant(kind) : kind;
        }
    }

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static uint HashExact(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static uint HashLower(string word, int from, int count)
    {
        var hash = 2166136261u;
        foreach (var c in word.AsSpan(from, count))
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 16777619u;
        }

        return hash;
    }

    /// <summary>The hash of the word's shape ("Xxxx", "XX", "dd-dd", at most 16 characters); collapsed, repeats of a class are one ("Xx", "X", "d-d").</summary>
    private static uint HashShape(string word, bool collapse)
    {
        var hash = 2166136261u;
        var previous = '\0';
        var length = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if ((collapse && s == previous) || length == 16)
            {
                continue;
            }

            hash = (hash ^ s) * 16777619u;
            previous = s;
            length++;
        }

        return hash;
    }

    private static uint Seed(int template) => ((uint)template * 0x9E3779B1u) + 0x7F4A7C15u;

    // A murmur3-style finaliser over the running value: every input bit reaches every bucket bit.
    private static uint Mix(uint seed, uint value)
    {
        var h = (seed ^ value) * 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}
