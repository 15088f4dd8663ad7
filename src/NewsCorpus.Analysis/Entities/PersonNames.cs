using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Entities;

/// <summary>
/// Makes person mentions name only the person: a party label, title, honorific or descriptive word in front
/// ("Republican Donald Trump", "President-elect Barack Obama", "Crooked Hillary Clinton") becomes the role or is dropped,
/// an attached origin ("Mike Pence of Indiana") becomes the role, a possessive is cut, and a capitalised run from a
/// Title Case headline ("Hillary Clinton Goes After Donald Trump As The New Mitt Romney") is split into the names it
/// holds. In a headline, capitals are no evidence: only names that begin with a given name or that the body names count.
/// </summary>
public sealed class PersonNames(Gazetteer gazetteer)
{
    private static readonly HashSet<string> s_partyLabels = [.. WordLists.Lines("party-labels.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static readonly HashSet<string> s_particles = new(StringComparer.Ordinal)
    {
        "Abu", "Umm", "Bin", "Ibn", "Al", "El", "De", "Del", "Della", "Di", "Da", "Van", "Von", "Le", "La", "Mac", "Mc", "St", "St.", "O", "Ben", "Bint",
    };

    public static PersonNames Default { get; } = new(Gazetteer.Default);

    /// <summary>The mentions with every person mention cleaned, split or dropped; other mentions unchanged.</summary>
    public List<EntityMention> Clean(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<EntityMention> mentions)
    {
        var headlines = Headlines.Ranges(tokens, sentences);
        var cases = WordCases.Count(tokens);
        bool InHeadline(EntityMention m) => headlines.Any(h => m.Start >= h.Start && m.End <= h.End);

        // The body's names first: they are what a headline's capitals are checked against.
        var body = new Dictionary<EntityMention, List<EntityMention>>(ReferenceEqualityComparer.Instance);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions.Where(m => m.Type == EntityType.Person && !InHeadline(m)))
        {
            var cleaned = CleanSpan(text, mention, headline: false, known: null, cases);
            body[mention] = cleaned;
            foreach (var word in cleaned.SelectMany(c => Words(c.Text, c.Start)).Select(w => w.Text))
            {
                known.Add(word);
            }
        }

        var result = new List<EntityMention>(mentions.Count);
        foreach (var mention in mentions)
        {
            result.AddRange(mention.Type != EntityType.Person ? [mention]
                : body.TryGetValue(mention, out var cleaned) ? cleaned
                : CleanSpan(text, mention, headline: true, known, cases));
        }

        return result;
    }

    private List<EntityMention> CleanSpan(string text, EntityMention mention, bool headline, HashSet<string>? known, WordCases cases)
    {
        var words = Words(mention.Text, mention.Start);
        while (words.Count > 0 && !words[0].Text.Any(char.IsLetter))
        {
            words.RemoveAt(0); // ". Trump" after a title the recognizer took without its full stop
        }

        var roles = new List<string>();
        if (mention.Role is not null)
        {
            roles.Add(mention.Role);
        }

        // "Mike Pence of Indiana": the origin is an attribute, not part of the name.
        var of = words.FindIndex(w => w.Text == "of");
        if (of > 0)
        {
            roles.Add(text[words[of].Start..words[^1].End]);
            words = words[..of];
        }

        var found = new List<EntityMention>();
        foreach (var run in Runs(words, headline || words.Count >= 4))
        {
            var name = StripLeading(run, roles, text, cases);

            if (headline)
            {
                name = HeadlineName(name, known!);
            }

            if (name.Count > 0 && Plausible(name, cases))
            {
                var start = name[0].Start;
                var end = name[^1].End;
                var role = roles.Count == 0 ? null : string.Join(", ", roles.Distinct(StringComparer.Ordinal));
                found.Add(mention with { Start = start, End = end, Text = text[start..end], Role = role });
            }
        }

        return found;
    }

    /// <summary>
    /// A long span is split at function words and at ordinary capitalised words that follow no given name ("Goes", "Ad"):
    /// each run between them may hold one name.
    /// </summary>
    private IEnumerable<List<Word>> Runs(List<Word> words, bool split)
    {
        if (!split)
        {
            yield return words;
            yield break;
        }

        var run = new List<Word>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Text;
            var breaks = IsFunctionWord(word) && !s_particles.Contains(word);
            if (breaks)
            {
                if (run.Count > 0)
                {
                    yield return run;
                }

                run = [];
                continue;
            }

            run.Add(words[i]);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    // Titles, honorifics, party labels, demonyms and descriptive words before the name: titles and labels become roles.
    private List<Word> StripLeading(List<Word> run, List<string> roles, string text, WordCases cases)
    {
        var name = new List<Word>(run);
        while (name.Count >= 2)
        {
            var first = name[0].Text;
            var bare = first.TrimEnd('.');
            if (gazetteer.IsTitle(first) || gazetteer.IsTitle(bare) || IsElectOrFormer(bare) || s_partyLabels.Contains(bare) || gazetteer.DemonymOf(bare) is not null)
            {
                roles.Add(text[name[0].Start..name[0].End]);
            }
            else if (!(IsFunctionWord(first) || IsDescriptive(first) || (name.Count >= 3 && IsLeadingAdjective(name)) || IsOrdinary(first, cases)))
            {
                break;
            }

            name.RemoveAt(0);
        }

        return name;
    }

    // "President-elect", "ex-Senator", "Former": a title with a prefix or suffix of time.
    private bool IsElectOrFormer(string word) =>
        word.Equals("Former", StringComparison.Ordinal) || word.Equals("Then", StringComparison.Ordinal)
        || (word.EndsWith("-elect", StringComparison.OrdinalIgnoreCase) && gazetteer.IsTitle(word[..^6]))
        || (word.StartsWith("ex-", StringComparison.OrdinalIgnoreCase) && gazetteer.IsTitle(word[3..]))
        || (word.StartsWith("Then-", StringComparison.Ordinal) && gazetteer.IsTitle(word[5..]));

    // "Day-by-day", "Hard-hitting": a hyphenated word with a lower-case part is a descriptive word, not a name ("Abdul-Mahdi", "al-Sadr" are names).
    private static bool IsDescriptive(string word)
    {
        var parts = word.Split('-');
        return parts.Length >= 2 && parts.Skip(1).Any(p => p.Length > 0 && char.IsLower(p[0])) && !(parts[0] is "al" or "el" or "bin" or "ibn");
    }

    // "Crooked Hillary Clinton", "Universe Alicia Machado": a word that is not a given name or particle before one that is.
    private bool IsLeadingAdjective(List<Word> name) =>
        !gazetteer.IsGivenName(name[0].Text) && !s_particles.Contains(name[0].Text) && gazetteer.IsGivenName(name[1].Text);

    /// <summary>
    /// In a headline, a run counts from where a name the body uses or a given name begins it, and only if it then reads as a
    /// name: a given name and one or two more words, or words the body itself uses in names.
    /// </summary>
    private List<Word> HeadlineName(List<Word> run, HashSet<string> known)
    {
        for (var from = 0; from < run.Count; from++)
        {
            var length = 0;
            while (from + length < run.Count && known.Contains(run[from + length].Text))
            {
                length++;
            }

            if (length > 0)
            {
                return run.GetRange(from, length);
            }

            if (gazetteer.IsGivenName(run[from].Text) && from + 1 < run.Count)
            {
                return run.GetRange(from, 2);
            }
        }

        return [];
    }

    // A word the text itself writes in lower case at least as often as with a capital inside a sentence ("portion", "crooked").
    private bool IsOrdinary(string word, WordCases cases) => !gazetteer.IsGivenName(word) && cases.IsOrdinary(word);

    // A person's name has a word that is not a title, label or function word; a lone word must look like a surname.
    private bool Plausible(List<Word> name, WordCases cases)
    {
        if (name.Count == 1 && IsOrdinary(name[0].Text, cases))
        {
            return false;
        }

        if (name.All(w => IsFunctionWord(w.Text) || gazetteer.IsTitle(w.Text.TrimEnd('.')) || s_partyLabels.Contains(w.Text)))
        {
            return false;
        }

        return name.Count > 1 || (name[0].Text.Length > 1 && char.IsUpper(name[0].Text[0]) && !IsDescriptive(name[0].Text));
    }

    /// <summary>
    /// A word that cannot begin a person's name as written: a title, honorific, party label, demonym, function word or
    /// hyphenated descriptive word ("Day-by-day"). Given names never are.
    /// </summary>
    public bool IsNonNameWord(string word)
    {
        var bare = word.TrimEnd('.');
        return !gazetteer.IsGivenName(word)
            && (gazetteer.IsTitle(word) || gazetteer.IsTitle(bare) || IsElectOrFormer(bare) || s_partyLabels.Contains(bare)
                || gazetteer.DemonymOf(bare) is not null || IsFunctionWord(word) || IsDescriptive(word));
    }

    private bool IsFunctionWord(string word) => gazetteer.IsCommonWord(word) && !gazetteer.IsGivenName(word);

    private readonly record struct Word(string Text, int Start, int End);

    /// <summary>The span's words with their offsets in the text; a trailing possessive is cut.</summary>
    private static List<Word> Words(string span, int offset)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            if (i > start)
            {
                var word = span[start..i];
                foreach (var possessive in new[] { "'s", "’s", "'", "’" })
                {
                    if (word.Length > possessive.Length + 1 && word.EndsWith(possessive, StringComparison.Ordinal))
                    {
                        word = word[..^possessive.Length];
                        break;
                    }
                }

                words.Add(new Word(word, offset + start, offset + start + word.Length));
            }
        }

        return words;
    }

    /// <summary>How often a text writes each word in lower case and capitalised inside a sentence.</summary>
    private sealed class WordCases
    {
        private readonly Dictionary<string, int> _lower = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _capitalised = new(StringComparer.OrdinalIgnoreCase);

        public static WordCases Count(IReadOnlyList<Token> tokens)
        {
            var cases = new WordCases();
            for (var k = 1; k < tokens.Count; k++)
            {
                var token = tokens[k];
                if (token.Kind != TokenKind.Word || token.Text.Length < 3 || tokens[k - 1].Kind != TokenKind.Word)
                {
                    continue; // after punctuation a capital may only start a sentence or a quote
                }

                if (token.IsLower)
                {
                    cases._lower[token.Text] = cases._lower.GetValueOrDefault(token.Text) + 1;
                }
                else if (char.IsUpper(token.Text[0]))
                {
                    cases._capitalised[token.Text] = cases._capitalised.GetValueOrDefault(token.Text) + 1;
                }
            }

            return cases;
        }

        public bool IsOrdinary(string word)
        {
            var lower = _lower.GetValueOrDefault(word.ToLowerInvariant());
            return lower > 0 && lower >= _capitalised.GetValueOrDefault(word);
        }
    }
}
