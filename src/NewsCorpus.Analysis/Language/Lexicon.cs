namespace NewsCorpus.Analysis.Language;

/// <summary>
/// The word lists that the sentence splitter, the name recognizer, the tagger's features and the quote extractor
/// share, each read from one resource file: abbreviations (Resources/abbreviations.tsv) and speech verbs
/// (Resources/speech-verbs.tsv). A list that means the same thing is written once.
/// </summary>
public static class Lexicon
{
    private static readonly List<(string Word, string Kind)> s_abbreviations = Read("abbreviations.tsv");
    private static readonly List<(string Word, string Kind)> s_speechVerbs = Read("speech-verbs.tsv");

    /// <summary>Abbreviated titles before a name (Mr, Gen, Sen), case as written.</summary>
    public static IReadOnlySet<string> TitleAbbreviations { get; } = Words(s_abbreviations, StringComparer.Ordinal, "title");

    /// <summary>Abbreviations written inside a person's name with a full stop: titles and Jr/Sr.</summary>
    public static IReadOnlySet<string> NameAbbreviations { get; } = Words(s_abbreviations, StringComparer.Ordinal, "title", "suffix");

    /// <summary>Generational suffixes after a person's name (Jr, Sr), case as written.</summary>
    public static IReadOnlySet<string> NameSuffixes { get; } = Words(s_abbreviations, StringComparer.Ordinal, "suffix");

    /// <summary>Every abbreviation whose full stop need not end a sentence, any case.</summary>
    public static IReadOnlySet<string> Abbreviations { get; } = Words(s_abbreviations, StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations after which a sentence may still end, when the next word clearly starts one (Inc., Jr., etc.).</summary>
    public static IReadOnlySet<string> ClosingAbbreviations { get; } = Words(s_abbreviations, StringComparer.OrdinalIgnoreCase, "suffix", "company", "list");

    /// <summary>Every form of a verb that reports speech (said, tells, adding), any case.</summary>
    public static IReadOnlySet<string> SpeechVerbs { get; } = Words(s_speechVerbs, StringComparer.OrdinalIgnoreCase);

    /// <summary>The speech verbs next to which a capitalised run is a speaking person (Smith said, said Smith), lower case.</summary>
    public static IReadOnlySet<string> NameCueVerbs { get; } = Words(s_speechVerbs, StringComparer.Ordinal, "name-cue");

    private static HashSet<string> Words(List<(string Word, string Kind)> entries, StringComparer comparer, params string[] kinds) =>
        new(entries.Where(e => kinds.Length == 0 || kinds.Contains(e.Kind)).Select(e => e.Word), comparer);

    private static List<(string Word, string Kind)> Read(string resource) =>
        [.. WordLists.Lines(resource).Select(line => line.Split('\t')).Select(parts => (parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : ""))];
}
