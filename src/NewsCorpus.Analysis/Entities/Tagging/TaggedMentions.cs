using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// The text's names as the trained tagger reads them, sentence by sentence: its spans and types decide. The rules'
/// reading adds what the tagger has no labels for: roles ("Prime Minister" before a name), canonical names from the
/// lists ("U.S." → "United States"), group adjectives ("Iraqi"), and names the lists know for certain where the tagger
/// saw none.
/// </summary>
public static class TaggedMentions
{
    public static List<EntityMention> Decide(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences,
        IReadOnlyList<EntityMention> rules, NameTagger tagger, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = rules.OrderBy(static r => r.Start).ToList();
        var tagged = Tag(text, tokens, sentences, ordered, tagger, gazetteer);
        OneTypePerName(tagged);
        var result = new List<EntityMention>(tagged.Count + 8);
        var rulesByStart = new SortedSpans(ordered);
        foreach (var mention in tagged)
        {
            result.Add(WithRulesKnowledge(mention, rulesByStart.Overlapping(mention.Start, mention.End), gazetteer));
        }

        var taggedByStart = new SortedSpans(tagged);
        foreach (var rule in ordered)
        {
            if (taggedByStart.Overlapping(rule.Start, rule.End).Count == 0 && KeepsWithoutTagger(rule, gazetteer))
            {
                result.Add(rule);
            }
        }

        result.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>The tagger's people, organisations and places (MISC is not an entity type) as mentions.</summary>
    private static List<EntityMention> Tag(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, List<EntityMention> rules, NameTagger tagger, Gazetteer gazetteer)
    {
        var mentions = new List<EntityMention>();
        var s = 0;
        foreach (var input in TaggerInputs.For(text, tokens, sentences, rules))
        {
            var sentence = sentences[s++];
            if (!MayHoldName(input, gazetteer))
            {
                continue;
            }

            foreach (var (start, end, type) in TagInWindows(input, tagger))
            {
                if (TypeOf(type) is { } entityType)
                {
                    var last = end < input.FirstTokens.Length ? input.FirstTokens[end] - 1 : sentence.LastToken;
                    var (from, to) = (tokens[input.FirstTokens[start]].Start, tokens[last].End);
                    mentions.Add(new EntityMention(entityType, from, to, text[from..to]));
                }
            }
        }

        return mentions;
    }

    // Real sentences are far shorter; a "sentence" of a whole unpunctuated file is tagged a window at a time, so its
    // features and Viterbi tables stay small.
    private const int Window = 256;

    private static IEnumerable<(int Start, int End, string Type)> TagInWindows(TaggerInput input, NameTagger tagger)
    {
        if (input.Words.Length <= Window)
        {
            return TaggedSentence.Spans(tagger.Tag(input.Words, input.Marks));
        }

        var spans = new List<(int, int, string)>();
        for (var offset = 0; offset < input.Words.Length; offset += Window)
        {
            var length = Math.Min(Window, input.Words.Length - offset);
            foreach (var (start, end, type) in TaggedSentence.Spans(tagger.Tag(input.Words[offset..(offset + length)], input.Marks[offset..(offset + length)])))
            {
                spans.Add((start + offset, end + offset, type));
            }
        }

        return spans;
    }

    /// <summary>
    /// A name written the same way twice in a text is one thing: where the tagger typed its mentions differently ("accusing
    /// Big Machine of" a person, "the group … Big Machine" an organisation), every mention takes the type most of them have.
    /// </summary>
    private static void OneTypePerName(List<EntityMention> tagged)
    {
        // Most texts type every name one way; the votes are counted only for the names typed more than one way.
        var first = new Dictionary<string, EntityType>(tagged.Count, StringComparer.Ordinal);
        HashSet<string>? mixed = null;
        foreach (var mention in tagged)
        {
            if (!first.TryAdd(mention.Text, mention.Type) && first[mention.Text] != mention.Type)
            {
                (mixed ??= new(StringComparer.Ordinal)).Add(mention.Text);
            }
        }

        foreach (var name in mixed ?? [])
        {
            var votes = tagged.Where(m => m.Text == name).GroupBy(static m => m.Type).Select(static g => (Type: g.Key, Count: g.Count()))
                .OrderByDescending(static v => v.Count).ToList();
            if (votes[0].Count == votes[1].Count)
            {
                continue;
            }

            for (var k = 0; k < tagged.Count; k++)
            {
                if (tagged[k].Text == name)
                {
                    tagged[k] = tagged[k] with { Type = votes[0].Type };
                }
            }
        }
    }

    // A sentence with no capital but a common word starting it, and nothing the rules marked, is not worth the tagger's time.
    private static bool MayHoldName(TaggerInput input, Gazetteer gazetteer)
    {
        for (var k = 0; k < input.Words.Length; k++)
        {
            var word = input.Words[k];
            if (input.Marks[k] is not null || (word.Length > 0 && char.IsUpper(word[0]) && (k > 0 || !gazetteer.IsCommonWord(word))))
            {
                return true;
            }
        }

        return false;
    }

    private static EntityType? TypeOf(string code) => code switch
    {
        "PER" => EntityType.Person,
        "ORG" => EntityType.Organization,
        "LOC" => EntityType.Location,
        _ => null,
    };

    /// <summary>Mentions ordered by start, and the ones overlapping a span found without a scan of all of them.</summary>
    private sealed class SortedSpans(List<EntityMention> byStart)
    {
        private readonly int _longest = byStart.Count == 0 ? 0 : byStart.Max(static m => m.End - m.Start);

        public List<EntityMention> Overlapping(int start, int end)
        {
            var found = new List<EntityMention>(2);
            var (low, high) = (0, byStart.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = byStart[middle].Start < start - _longest ? (middle + 1, high) : (low, middle);
            }

            for (var k = low; k < byStart.Count && byStart[k].Start < end; k++)
            {
                if (byStart[k].End > start && byStart[k].Type != EntityType.Group)
                {
                    found.Add(byStart[k]);
                }
            }

            return found;
        }
    }

    /// <summary>The rules' role and canonical name for the same name, when they read it as the same type.</summary>
    private static EntityMention WithRulesKnowledge(EntityMention mention, List<EntityMention> overlapping, Gazetteer gazetteer)
    {
        // A title before a name ("Colonel Clay Tice Jr.") is the strongest sign of a person, and one the tagger's training
        // text rarely shows: where the rules read a titled person inside the tagger's span, the person stands, named
        // without the title ("Senator Cruz" is Cruz, a senator). "St." is left out: before a name it is far more often a
        // saint in a place or team name ("St. Louis Cardinals").
        if (overlapping.Find(r => r.Type == EntityType.Person && r.Role is not null and not ("St." or "St") && r.Start > mention.Start && r.End <= mention.End) is { } titled)
        {
            return titled;
        }

        string? role = null, canonical = null;
        foreach (var rule in overlapping)
        {
            if (rule.Type != mention.Type)
            {
                continue;
            }

            role ??= rule.Role;
            if (rule.Start == mention.Start && rule.End > mention.End && IsNameSuffix(rule.Text[mention.Text.Length..]))
            {
                mention = mention with { End = rule.End, Text = rule.Text }; // "Donald Trump Jr.": the tagger leaves the suffix out
            }

            if (rule.Start == mention.Start && rule.End == mention.End)
            {
                canonical = rule.RefersTo;
            }
        }

        canonical ??= mention.Type switch
        {
            EntityType.Organization => gazetteer.Organization(mention.Text),
            EntityType.Location => gazetteer.Location(mention.Text),
            _ => null,
        };
        return mention with { Role = role, RefersTo = canonical };
    }

    private static bool IsNameSuffix(string rest) =>
        rest.Trim().TrimEnd('.') is var word && (Lexicon.NameSuffixes.Contains(word) || word is "II" or "III" or "IV");

    // "the Iraqi parliament", "the Iranian government": a group adjective and an institution noun, which the tagger's
    // training text never marks as a name, but which speak in news ("it said").
    private static bool IsInstitution(string name) => name.Split(' ') is [_, .., var last] && last.Length > 0 && char.IsLower(last[0]);

    /// <summary>Where the tagger saw no name: group adjectives, institutions, and names the lists hold whole.</summary>
    private static bool KeepsWithoutTagger(EntityMention rule, Gazetteer gazetteer) => rule.Type switch
    {
        EntityType.Group => true,
        EntityType.Location => gazetteer.Location(rule.Text) is not null,
        EntityType.Organization => gazetteer.Organization(rule.Text) is not null || IsInstitution(rule.Text),
        _ => false,
    };
}
