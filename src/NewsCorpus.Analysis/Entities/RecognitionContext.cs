using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Entities;

/// <summary>
/// What the recognizer knows of one document while it reads it: the text and its tokens, the words the document
/// writes in lower case (so a capitalised "Hope" that the text also writes as "hope" is no name), the people named so
/// far (a surname standing alone is theirs), the type each name was given (it keeps that type later in the text),
/// and the mentions found. One object passed along instead of the same six arguments to every step.
/// </summary>
internal sealed class RecognitionContext
{
    public RecognitionContext(string text, IReadOnlyList<Token> tokens)
    {
        Text = text;
        Tokens = tokens;
        foreach (var token in tokens)
        {
            if (token.IsLower)
            {
                LowerVocabulary.Add(token.Text);
            }
        }
    }

    public string Text { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public HashSet<string> LowerVocabulary { get; } = new(StringComparer.Ordinal);

    /// <summary>A name token (a surname, a full name) → the full name of the person it belongs to.</summary>
    public Dictionary<string, string> KnownPeople { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EntityType> KnownTypes { get; } = new(StringComparer.Ordinal);

    public List<EntityMention> Mentions { get; } = [];

    /// <summary>Whether the document writes this word in lower case somewhere.</summary>
    public bool WritesInLowerCase(string word) => LowerVocabulary.Contains(word.ToLowerInvariant());

    /// <summary>The text of tokens <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public string Slice(int from, int to) => Text[Tokens[from].Start..Tokens[to].End];

    /// <summary>Records a mention over tokens <paramref name="from"/> to <paramref name="to"/>, and the type its words now have in this document.</summary>
    public void Add(EntityType type, int from, int to, string? role, string? canonical)
    {
        var surface = Slice(from, to);
        Mentions.Add(new EntityMention(type, Tokens[from].Start, Tokens[to].End, surface, role, canonical));
        KnownTypes.TryAdd(surface, type);
    }

    /// <summary>Remembers a person's full name, and their surname as pointing to it.</summary>
    public void RememberPerson(int from, int to, string name)
    {
        KnownPeople[name] = name;
        if (to > from)
        {
            KnownPeople.TryAdd(Tokens[to].Text, name);
        }
    }
}
