namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// The tagger's labels: outside, and begin/inside for people, organisations, places and other names (MISC is learned so
/// that it does not pollute the others, and never stored as an entity). BIO: an inside tag only follows its own type.
/// </summary>
public static class TagSet
{
    public static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

    public const int O = 0;

    public static int Count => Names.Length;

    public static int Index(string name) => Array.IndexOf(Names, name) is var i and >= 0 ? i : throw new ArgumentException($"unknown tag {name}", nameof(name));

    public static bool IsInside(int tag) => tag > 0 && tag % 2 == 0;

    private static readonly string[] s_types = [.. Names.Select(n => n.Length > 2 ? n[2..] : "")];

    /// <summary>The type code (PER, ORG, LOC, MISC) of a begin or inside tag.</summary>
    public static string TypeOf(int tag) => s_types[tag];

    // Tags 2k-1 and 2k (k ≥ 1) share a type; the table is computed once, as the decoder asks for it per word and tag pair.
    private static readonly bool[] s_allowed = AllowedTable();

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (-1 for the sentence start).</summary>
    public static bool Allowed(int previous, int next) => s_allowed[((previous + 1) * Names.Length) + next];

    private static bool[] AllowedTable()
    {
        var table = new bool[(Names.Length + 1) * Names.Length];
        for (var previous = -1; previous < Names.Length; previous++)
        {
            for (var next = 0; next < Names.Length; next++)
            {
                table[((previous + 1) * Names.Length) + next] = !IsInside(next) || (previous > 0 && TypeOf(previous) == TypeOf(next));
            }
        }

        return table;
    }

    /// <summary>IOB1 (CoNLL-2003: I- unless two names of one type touch) to BIO.</summary>
    public static int[] FromIob1(IReadOnlyList<string> tags)
    {
        var result = new int[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (tag == "O" || tag.Length < 3)
            {
                result[i] = O;
                continue;
            }

            var type = tag[2..];
            var continues = tag[0] == 'I' && i > 0 && tags[i - 1].Length > 2 && tags[i - 1][2..] == type;
            result[i] = Index((continues ? "I-" : "B-") + type);
        }

        return result;
    }
}
