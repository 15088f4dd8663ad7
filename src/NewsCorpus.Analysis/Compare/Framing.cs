namespace NewsCorpus.Analysis.Compare;

public enum FramingKind
{
    /// <summary>A word for what happened: killing, assassination, strike.</summary>
    Act,

    /// <summary>A reporting verb: said, claimed, vowed.</summary>
    Verb,
}

/// <summary>How often a text uses a word family ("assassination": assassinate, assassinated, …), and where it first does.</summary>
public sealed record FramingCount(FramingKind Kind, string Family, int Count, int FirstStart);

/// <summary>
/// Counts the words a text uses for the central act and for reporting speech, by family (Resources/framing.txt).
/// Longer forms win: "drone strike" is one strike, not a strike and a drone.
/// </summary>
public static class Framing
{
    private static readonly Dictionary<string, List<(string[] Words, FramingKind Kind, string Family)>> s_forms = Load();

    public static List<FramingCount> Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words.Of(text);
        var counts = new Dictionary<(FramingKind, string), (int Count, int First)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!s_forms.TryGetValue(words[i].Folded, out var forms))
            {
                continue;
            }

            foreach (var (formWords, kind, family) in forms)
            {
                if (Matches(words, i, formWords))
                {
                    counts[(kind, family)] = counts.TryGetValue((kind, family), out var seen) ? (seen.Count + 1, seen.First) : (1, words[i].Start);
                    i += formWords.Length - 1;
                    break;
                }
            }
        }

        return [.. counts.Select(c => new FramingCount(c.Key.Item1, c.Key.Item2, c.Value.Count, c.Value.First)).OrderByDescending(c => c.Count).ThenBy(c => c.Family, StringComparer.Ordinal)];
    }

    private static bool Matches(List<ComparableWord> words, int at, string[] form)
    {
        if (at + form.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < form.Length; k++)
        {
            if (!string.Equals(words[at + k].Folded, form[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, List<(string[], FramingKind, string)>> Load()
    {
        var forms = new Dictionary<string, List<(string[], FramingKind, string)>>(StringComparer.Ordinal);
        foreach (var line in WordLists.Lines("framing.txt"))
        {
            var parts = line.Split('\t');
            var kind = parts[0] == "act" ? FramingKind.Act : FramingKind.Verb;
            var family = parts[1];
            foreach (var form in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(forms, form.Split(' ', StringSplitOptions.RemoveEmptyEntries), kind, family);
            }
        }

        // Longest forms first, so a two-word form is tried before its first word alone.
        foreach (var list in forms.Values)
        {
            list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        }

        return forms;
    }

    private static void Add(Dictionary<string, List<(string[], FramingKind, string)>> forms, string[] words, FramingKind kind, string family)
    {
        if (!forms.TryGetValue(words[0], out var list))
        {
            forms[words[0]] = list = [];
        }

        if (!list.Exists(f => f.Item1.SequenceEqual(words)))
        {
            list.Add((words, kind, family));
        }
    }
}
