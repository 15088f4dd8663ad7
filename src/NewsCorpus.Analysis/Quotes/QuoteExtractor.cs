using NewsCorpus.Analysis.Articles;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Quotes;

/// <summary>The words in the text a quote is attributed to (a name, a pronoun, or a description) and the named mention it stands for.</summary>
public sealed record SpeakerMention(int Start, int End, string Text, EntityMention? Entity);

/// <summary>
/// A direct quotation. <see cref="Start"/>/<see cref="End"/> cover the marks (and, for a split quote,
/// everything between its parts); <see cref="Text"/> is the quoted words only.
/// </summary>
public sealed record QuoteMention(int Start, int End, string Text, bool Partial, string? Verb, SpeakerMention? Speaker, string? SpeakerDescription);

/// <summary>
/// Finds direct quotes and who said them. Attribution reads the words right after a quote ("…,” he said;
/// "…,” said X; "…,” X told Y) or before it (X said: “…”; X vowed “…”; X was quoted as saying “…”);
/// pronouns go to the nearest fitting speaker; a quote with no attribution of its own continues the
/// quote before it. Scare quotes and titles are dropped.
/// </summary>
public static class QuoteExtractor
{
    private static readonly IReadOnlySet<string> s_speechVerbs = Lexicon.SpeechVerbs;

    // Words that open a clause after a quote that says when or why, not who ("…,” when X blasted him).
    private static readonly HashSet<string> s_subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "when", "after", "because", "while", "before", "if", "since", "until", "although", "though", "whereas",
    };

    // Words that open a clause in front of a sentence's subject ("With X worried, Y said:").
    private static readonly HashSet<string> s_fronting = new(StringComparer.OrdinalIgnoreCase)
    {
        "when", "as", "after", "because", "while", "before", "if", "since", "although", "though", "with", "despite", "amid",
        "following", "unlike", "during", "in", "once", "meanwhile", "however", "still", "instead", "later", "earlier", "indeed",
        "separately", "moreover", "yesterday", "today",
    };

    private static readonly HashSet<string> s_pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it", "we", "i", "you", "him", "her", "them" };

    private static readonly HashSet<string> s_determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "one", "two", "three", "some", "several", "another", "many", "other", "his", "her", "their", "its", "our", "both",
    };

    private static readonly HashSet<string> s_skippable = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "had", "have", "also", "later", "then", "earlier", "again", "reportedly", "once", "previously", "was", "is", "were",
        "would", "will", "did", "does", "repeatedly", "recently", "subsequently", "simply", "just", "further", "publicly", "privately",
    };

    private static readonly HashSet<string> s_titleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "show", "program", "programme", "film", "movie", "book", "series", "song", "album", "newspaper", "magazine", "documentary",
        "column", "op-ed", "headline", "slogan", "campaign", "podcast", "episode", "hashtag", "novel", "play", "article", "essay",
    };

    private sealed record Attribution(string Verb, int VerbToken, SpeakerMention? Speaker, string? Description, bool After, int EndToken);

    private sealed class Draft
    {
        public required int Start { get; set; }

        public required int End { get; set; }

        public required string Text { get; set; }

        public required bool Partial { get; set; }

        public required int Paragraph { get; init; }

        public Attribution? Attribution { get; set; }

        public bool Inherited { get; set; }

        /// <summary>Quoted in a Title Case line: it never inherits the speaker of the quote before it.</summary>
        public bool InHeadline { get; init; }
    }

    public static List<QuoteMention> Extract(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<EntityMention> entities)
    {
        var paragraphStarts = ParagraphStarts(text);
        var headlines = Headlines.Ranges(tokens, sentences);
        var drafts = new List<Draft>();
        foreach (var span in QuoteMarks.Find(text))
        {
            var content = span.ContentText(text);
            var words = TextShape.CountWords(content);
            if (words == 0)
            {
                continue;
            }

            var openToken = FirstTokenAtOrAfter(tokens, span.Start);
            var closeToken = LastTokenBefore(tokens, span.End);
            var partial = IsPartial(text, span.Start, content);
            if (IsTitleOrName(tokens, openToken, closeToken, content, words))
            {
                continue;
            }

            var endsSentence = content.TrimEnd().Length > 0 && content.TrimEnd()[^1] is '.' or '?' or '!' or '…';
            var attribution = FindAfter(text, tokens, closeToken + 1, entities, endsSentence ? 5 : 40) ?? FindBefore(text, tokens, sentences, openToken - 1, entities, span.Start)
                ?? ColonIntroduction(text, tokens, sentences, openToken - 1, entities, span.Start);
            var headline = Headlines.Containing(headlines, span.Start, span.End);
            if (headline is { } line && attribution is not null && (attribution.Speaker is not { } said || said.Start < line.Start || said.End > line.End || s_pronouns.Contains(said.Text)))
            {
                // A quote in a headline is said by whom the headline names, not by the nearest name outside it.
                attribution = null;
            }

            if (attribution is not null && attribution.Speaker?.Text is { } pronoun && s_pronouns.Contains(pronoun))
            {
                var antecedent = ResolvePronoun(pronoun, Math.Min(attribution.Speaker.Start, span.Start), tokens, sentences, entities, drafts);
                attribution = attribution with { Speaker = attribution.Speaker with { Entity = antecedent?.Entity }, Description = antecedent?.Description };
            }

            // Scare quotes: a word or two with nobody saying them.
            if (words == 1 && (partial || attribution is null))
            {
                continue;
            }

            if (partial && (attribution is null || words <= 1))
            {
                continue;
            }

            if (span.SingleMarks && attribution is null)
            {
                continue;
            }

            drafts.Add(new Draft
            {
                Start = span.Start,
                End = span.End,
                Text = content,
                Partial = partial,
                Paragraph = ParagraphOf(paragraphStarts, span.Start),
                Attribution = attribution,
                InHeadline = headline is not null,
            });
        }

        return Merge(text, drafts).Select(d => new QuoteMention(
            d.Start, d.End, d.Text, d.Partial, d.Attribution?.Verb, d.Attribution?.Speaker, d.Attribution?.Description)).ToList();
    }

    // A split quote ("…,” he said, “…”) and a quote that carries on without attribution in the same paragraph are one quote;
    // an unattributed quote opening the next paragraph continues the previous speaker.
    private static List<Draft> Merge(string text, List<Draft> drafts)
    {
        var merged = new List<Draft>();
        foreach (var draft in drafts)
        {
            var previous = merged.Count > 0 ? merged[^1] : null;
            if (previous is not null && previous.Attribution is not null)
            {
                var sameAttribution = draft.Attribution is not null && draft.Attribution.VerbToken == previous.Attribution.VerbToken;
                var carriesOn = draft.Attribution is null && !draft.Partial && !previous.Partial && draft.Paragraph == previous.Paragraph && !HasOtherProse(text, previous.End, draft.Start);
                if (sameAttribution || carriesOn)
                {
                    previous.End = draft.End;
                    previous.Text += " " + draft.Text;
                    previous.Partial &= draft.Partial;
                    continue;
                }

                if (draft.Attribution is null && !draft.Partial && !draft.InHeadline && draft.Paragraph <= previous.Paragraph + 1)
                {
                    draft.Attribution = previous.Attribution;
                    draft.Inherited = true;
                }
            }

            merged.Add(draft);
        }

        return merged;
    }

    // Between two parts of one quote there is at most the attribution, never a sentence of its own.
    private static bool HasOtherProse(string text, int from, int to)
    {
        // “…,” said Ronald R. Fieldstone, a lawyer in Miami. “…” — the attribution may run long, but it is one sentence.
        var between = text[from..to];
        var sentenceEnds = 0;
        for (var i = 0; i < between.Length; i++)
        {
            if (between[i] is '.' or '?' or '!' && (i + 1 >= between.Length || char.IsWhiteSpace(between[i + 1]))
                && !(i >= 1 && char.IsUpper(between[i - 1]) && (i < 2 || !char.IsLetter(between[i - 2])))
                && !EndsWithTitle(between, i))
            {
                sentenceEnds++;
            }
        }

        return sentenceEnds > 1 || TextShape.CountWords(between) > 45;
    }

    private static bool EndsWithTitle(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return s_dottedTitles.Contains(text[start..dot]);
    }

    private static bool IsPartial(string text, int open, string content)
    {
        var k = open - 1;
        while (k >= 0 && text[k] is ' ' or '\u00a0' or '\t')
        {
            k--;
        }

        if (k < 0 || text[k] == '\n')
        {
            return false;
        }

        var before = text[k];
        if (before is ':' or ',' or '—' or '–' or '(' or '[')
        {
            return !(char.IsUpper(content[0]) || content[0] is '[' or '…' or '.');
        }

        if (before is '.' or '!' or '?' or '”' or '"')
        {
            return false;
        }

        return true;
    }

    private static bool IsTitleOrName(IReadOnlyList<Token> tokens, int openToken, int closeToken, string content, int words)
    {
        if (openToken > 0 && tokens[openToken - 1].Is(":"))
        {
            return false;
        }

        // ABC’s “This Week” show; the “Deal of the Century” campaign.
        if (openToken > 0 && tokens[openToken - 1].Text is "’s" or "'s")
        {
            return words <= 8;
        }

        if (closeToken + 1 < tokens.Count && s_titleNouns.Contains(tokens[closeToken + 1].Text) && words <= 8)
        {
            return true;
        }

        // A short Title Case phrase with no sentence punctuation reads as a name or title.
        var contentWords = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var trimmed = content.TrimEnd();
        return words is >= 2 and <= 5 && contentWords.All(w => char.IsUpper(w[0]) || w is "of" or "the" or "and" or "a" or "in" or "on")
            && trimmed.Length > 0 && trimmed[^1] is not ('.' or ',' or '!' or '?');
    }

    private static Attribution? FindAfter(string text, IReadOnlyList<Token> tokens, int first, IReadOnlyList<EntityMention> entities, int window)
    {
        var k = first;
        if (k < tokens.Count && tokens[k].Text is ",")
        {
            k++;
        }

        if (k >= tokens.Count || HasNewline(text, tokens[first - 1].End, tokens[k].Start) || s_subordinators.Contains(tokens[k].Text))
        {
            // "…,” when Clinton blasted him: a clause about the moment, not who spoke.
            return null;
        }

        // "…” ― Karen Bobadilla: a dash before the name attributes the quote.
        if (tokens[k].Text is "―" or "—" or "–" && k + 1 < tokens.Count)
        {
            var signed = NounPhraseAt(text, tokens, k + 1, entities, out var signedDescription);
            if (signed is not null && char.IsUpper(signed.Text[0]))
            {
                return new Attribution(tokens[k].Text, k, signed, signedDescription, After: true, k);
            }
        }

        // "…,” said Toby Dodge, a Middle East expert.
        var verbAt = k;
        while (verbAt < tokens.Count && verbAt < k + 2 && s_skippable.Contains(tokens[verbAt].Text))
        {
            verbAt++;
        }

        if (verbAt < tokens.Count && IsSpeechVerb(tokens[verbAt]))
        {
            var speaker = NounPhraseAt(text, tokens, verbAt + 1, entities, out var description);
            if (speaker is not null)
            {
                return new Attribution(tokens[verbAt].Text, verbAt, speaker, description, After: true, verbAt);
            }
        }

        // "…,” he told Reuters; "…,” Abdul Mahdi, Iraq’s caretaker prime minister, told parliament.
        for (var v = k; v < tokens.Count && v < k + window; v++)
        {
            var token = tokens[v];
            if (token.Is(".") && v > 0 && IsAbbreviationBeforeDot(tokens[v - 1]))
            {
                continue;
            }

            if (token.Text is "." or "?" or "!" or ";" or "“" or "\"" || HasNewline(text, tokens[v - 1].End, token.Start))
            {
                break;
            }

            if (token.Is("according") && v + 1 < tokens.Count && tokens[v + 1].Is("to"))
            {
                var source = NounPhraseAt(text, tokens, v + 2, entities, out var description);
                return source is null ? null : new Attribution("according to", v, source, description, After: true, v + 1);
            }

            if (IsSpeechVerb(token) && v > k)
            {
                // "X quoted him as saying": the speaker is the one quoted.
                var quotedAt = FindBackwards(tokens, v, k, "quoted");
                if (token.Is("saying") && quotedAt >= k && quotedAt + 1 < v)
                {
                    var quotedSpeaker = NounPhraseAt(text, tokens, quotedAt + 1, entities, out var quotedDescription);
                    if (quotedSpeaker is not null)
                    {
                        return new Attribution(token.Text, v, quotedSpeaker, quotedDescription, After: true, v);
                    }
                }

                var subjectEnd = SkipToSubject(tokens, v - 1, k);
                string? description = null;
                var speaker = (subjectEnd >= k ? NounPhraseEndingAt(text, tokens, subjectEnd, k, entities, out description) : null)
                    ?? NounPhraseAt(text, tokens, k, entities, out description);
                return speaker is null ? null : new Attribution(token.Text, v, speaker, description, After: true, v);
            }
        }

        return null;
    }

    // "Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’" — the person before the colon speaks.
    private static Attribution? ColonIntroduction(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, int last, IReadOnlyList<EntityMention> entities, int quoteStart)
    {
        if (last >= 1 && tokens[last].Is(","))
        {
            var according = last - 1;
            while (according > 0 && last - according < 8 && !tokens[according].Text.Equals("according", StringComparison.OrdinalIgnoreCase))
            {
                according--;
            }

            if (according > 0 && tokens[according].Text.Equals("according", StringComparison.OrdinalIgnoreCase) && tokens[according + 1].Is("to"))
            {
                var source = NounPhraseAt(text, tokens, according + 2, entities, out var description);
                if (source is not null)
                {
                    return new Attribution("according to", according, source, description, After: false, according);
                }
            }
        }

        if (last < 0 || !tokens[last].Is(":"))
        {
            return null;
        }

        // "Caddell continued:" on its own line, the quote in the next paragraph.
        if (HasNewline(text, tokens[last].End, quoteStart))
        {
            var previous = SentenceStartToken(sentences, tokens[last].Start, tokens);
            var said = FindBefore(text, tokens, sentences, last - 1, entities, tokens[last].Start);
            if (said is not null)
            {
                return said;
            }

            quoteStart = tokens[previous].Start;
        }

        var first = SubjectStart(tokens, SentenceStartToken(sentences, Math.Min(quoteStart, tokens[last].Start), tokens), last);
        var speaker = entities.FirstOrDefault(e => e.Start >= tokens[first].Start && e.End <= tokens[last].Start && e.Type is EntityType.Person)
            ?? entities.FirstOrDefault(e => e.Start >= tokens[first].Start && e.End <= tokens[last].Start && e.Type is EntityType.Organization);
        return speaker is null ? null : new Attribution(":", last, new SpeakerMention(speaker.Start, speaker.End, speaker.Text, speaker), null, After: false, last);
    }

    private static Attribution? FindBefore(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, int last, IReadOnlyList<EntityMention> entities, int quoteStart)
    {
        if (last < 0)
        {
            return null;
        }

        var sentenceStart = SentenceStartToken(sentences, quoteStart, tokens);
        var floor = Math.Max(Math.Max(0, sentenceStart), last - 40);
        for (var v = last; v >= floor; v--)
        {
            var token = tokens[v];
            if (v < last && HasNewline(text, token.End, tokens[v + 1].Start))
            {
                break;
            }

            if (!IsSpeechVerb(token))
            {
                continue;
            }

            // ", telling ABC …": a participle's subject is the sentence's subject.
            if (token.Text.EndsWith("ing", StringComparison.Ordinal) && v > 0 && tokens[v - 1].Is(",") && !(v > 1 && tokens[v - 1].Is("as")))
            {
                var from = SubjectStart(tokens, Math.Max(0, sentenceStart), v);
                if (s_pronouns.Contains(tokens[from].Text))
                {
                    // "It attacked Trump, saying he …": the pronoun is the subject, and it is resolved like any other.
                    var pronoun = tokens[from];
                    return new Attribution(token.Text, v, new SpeakerMention(pronoun.Start, pronoun.End, pronoun.Text, null), null, After: false, v);
                }

                var subject = entities.FirstOrDefault(e => e.Start >= tokens[from].Start && e.End <= tokens[v].Start && e.Type is EntityType.Person or EntityType.Organization);
                if (subject is not null)
                {
                    return new Attribution(token.Text, v, new SpeakerMention(subject.Start, subject.End, subject.Text, subject), null, After: false, v);
                }
            }

            // "The top Democrat in the Senate, Chuck Schumer, said": the name between the commas speaks.
            if (v >= 2 && tokens[v - 1].Is(",") && EntityEndingAt(entities, tokens[v - 2].End) is { Type: EntityType.Person } named
                && FirstTokenAtOrAfter(tokens, named.Start) is var namedStart and > 0 && tokens[namedStart - 1].Is(","))
            {
                return new Attribution(token.Text, v, new SpeakerMention(named.Start, named.End, named.Text, named), null, After: false, v);
            }

            // "X was quoted by state television as saying": the subject is before "was quoted".
            var subjectEnd = v - 1;
            if (token.Text is "saying" && FindBackwards(tokens, v, floor, "quoted") is var quoted and >= 0)
            {
                subjectEnd = quoted - 1;
            }

            subjectEnd = SkipToSubject(tokens, subjectEnd, floor);

            if (subjectEnd < floor)
            {
                continue;
            }

            var speaker = NounPhraseEndingAt(text, tokens, subjectEnd, floor, entities, out var description);
            if (speaker is not null)
            {
                return new Attribution(token.Text, v, speaker, description, After: false, v);
            }
        }

        return null;
    }

    /// <summary>
    /// Where a sentence's subject can start: after a fronted clause ("With Democratic leaders worried about Hillary Clinton,
    /// President Obama …"), whose names are not the subject; else at the sentence's first token.
    /// </summary>
    private static int SubjectStart(IReadOnlyList<Token> tokens, int sentenceStart, int limit)
    {
        if (sentenceStart < 0 || sentenceStart >= limit || !s_fronting.Contains(tokens[sentenceStart].Text) || !char.IsUpper(tokens[sentenceStart].Text[0]))
        {
            return Math.Max(0, sentenceStart);
        }

        for (var k = sentenceStart + 1; k < limit; k++)
        {
            if (tokens[k].Is(","))
            {
                return k + 1;
            }
        }

        return sentenceStart;
    }

    // Back over auxiliaries, adverbs and a relative clause or appositive set off by commas:
    // "Ali Khamenei, who gave Soleimani the country’s highest honor last year, vowed".
    private static int SkipToSubject(IReadOnlyList<Token> tokens, int end, int floor)
    {
        for (var round = 0; round < 3 && end >= floor; round++)
        {
            while (end >= floor && (s_skippable.Contains(tokens[end].Text) || (tokens[end].Text.EndsWith("ly", StringComparison.Ordinal) && tokens[end].IsLower)))
            {
                end--;
            }

            // "Rep. Gwen Moore (D-Wis.) said"
            if (end >= floor && tokens[end].Is(")"))
            {
                var open = end - 1;
                while (open >= floor && end - open < 12 && !tokens[open].Is("("))
                {
                    open--;
                }

                if (open >= floor && tokens[open].Is("("))
                {
                    end = open - 1;
                    continue;
                }
            }

            if (end < floor || !tokens[end].Is(","))
            {
                return end;
            }

            var opening = end - 1;
            while (opening >= floor && end - opening < 30 && !tokens[opening].Is(","))
            {
                opening--;
            }

            if (opening < floor || !tokens[opening].Is(","))
            {
                return end - 1;
            }

            end = opening - 1;
        }

        return end;
    }

    private static readonly IReadOnlySet<string> s_dottedTitles = Lexicon.NameAbbreviations;

    private static bool IsAbbreviationBeforeDot(Token token) =>
        s_dottedTitles.Contains(token.Text) || (token.Text.Length == 1 && char.IsUpper(token.Text[0]));

    private static int FindBackwards(IReadOnlyList<Token> tokens, int from, int floor, string word)
    {
        for (var k = from; k >= floor; k--)
        {
            if (tokens[k].Is(word))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The speaker phrase starting at token <paramref name="k"/>: a named mention, a pronoun, or a description.</summary>
    private static SpeakerMention? NounPhraseAt(string text, IReadOnlyList<Token> tokens, int k, IReadOnlyList<EntityMention> entities, out string? description)
    {
        description = null;
        if (k >= tokens.Count)
        {
            return null;
        }

        var start = tokens[k].Start;
        if (EntityStartingNear(entities, tokens, k) is { } entity)
        {
            return new SpeakerMention(entity.Start, entity.End, entity.Text, entity);
        }

        if (s_pronouns.Contains(tokens[k].Text))
        {
            return new SpeakerMention(start, tokens[k].End, tokens[k].Text, null);
        }

        // A description ("a senior state department official") or a name the recogniser missed ("Caddell").
        var end = k;
        while (end + 1 < tokens.Count && end - k < 8 && tokens[end + 1].Kind != TokenKind.Punctuation && !IsSpeechVerb(tokens[end + 1]) && !tokens[end + 1].Is("who"))
        {
            end++;
        }

        if (!tokens[k].IsCapitalized && !s_determiners.Contains(tokens[k].Text))
        {
            return null;
        }

        var phrase = text[start..tokens[end].End];
        if (s_determiners.Contains(tokens[k].Text) || !tokens[end].IsCapitalized)
        {
            description = phrase;
        }

        return new SpeakerMention(start, tokens[end].End, phrase, null);
    }

    /// <summary>The speaker phrase ending at token <paramref name="end"/> (the subject of a speech verb).</summary>
    private static SpeakerMention? NounPhraseEndingAt(string text, IReadOnlyList<Token> tokens, int end, int floor, IReadOnlyList<EntityMention> entities, out string? description)
    {
        description = null;
        var token = tokens[end];
        if (EntityEndingAt(entities, token.End) is { } entity)
        {
            return new SpeakerMention(entity.Start, entity.End, entity.Text, entity);
        }

        if (s_pronouns.Contains(token.Text))
        {
            return new SpeakerMention(token.Start, token.End, token.Text, null);
        }

        if (token.Kind != TokenKind.Word)
        {
            return null;
        }

        // Walk back over the noun phrase to its determiner: "a senior state department official", "the lawmakers".
        var start = end;
        while (start - 1 >= floor && end - start < 7 && tokens[start - 1].Kind == TokenKind.Word && !IsSpeechVerb(tokens[start - 1])
               && !s_skippable.Contains(tokens[start - 1].Text) && !tokens[start - 1].Is("that"))
        {
            start--;
            if (s_determiners.Contains(tokens[start].Text))
            {
                break;
            }
        }

        if (token.IsCapitalized && start == end)
        {
            return new SpeakerMention(token.Start, token.End, token.Text, null); // a surname the recogniser missed
        }

        if (!s_determiners.Contains(tokens[start].Text))
        {
            return null;
        }

        // A name inside the phrase ("the head of the Pentagon") is not the speaker; the phrase is.
        var phrase = text[tokens[start].Start..token.End];
        description = phrase;
        return new SpeakerMention(tokens[start].Start, token.End, phrase, null);
    }

    private static EntityMention? EntityStartingNear(IReadOnlyList<EntityMention> entities, IReadOnlyList<Token> tokens, int k)
    {
        // Skip a title or determiner in front of the name: "said Mr Trump", "said the Pentagon".
        for (var offset = 0; offset < 5 && k + offset < tokens.Count; offset++)
        {
            var start = tokens[k + offset].Start;
            foreach (var entity in entities)
            {
                if (entity.Start == start && entity.Type is EntityType.Person or EntityType.Organization)
                {
                    return entity;
                }
            }

            var skipped = tokens[k + offset];
            if ((skipped.Is(".") && !(offset > 0 && IsAbbreviationBeforeDot(tokens[k + offset - 1]))) || skipped.Text is "," or ";" or ":" or "(" or "“" or "\"" or "?" or "!" || IsSpeechVerb(skipped) || skipped.Is("who"))
            {
                break;
            }
        }

        return null;
    }

    private static EntityMention? EntityEndingAt(IReadOnlyList<EntityMention> entities, int end)
    {
        foreach (var entity in entities)
        {
            if (entity.End == end && entity.Type is EntityType.Person or EntityType.Organization)
            {
                return entity;
            }
        }

        return null;
    }

    /// <summary>
    /// He/she → the last person quoted, if nobody else was named since; else the subject (first person named) of the
    /// nearest sentence that names one. It/they → the last organisation or group that spoke, else the nearest organisation.
    /// </summary>
    private static (EntityMention? Entity, string? Description)? ResolvePronoun(string pronoun, int position, IReadOnlyList<Token> tokens,
        IReadOnlyList<Sentence> sentences, IReadOnlyList<EntityMention> entities, List<Draft> drafts)
    {
        var personal = pronoun.ToLowerInvariant() is "he" or "she" or "i" or "him" or "her";
        var wanted = personal ? EntityType.Person : EntityType.Organization;
        if (drafts.Count > 0 && drafts[^1].Attribution is { } lastQuoted && position - drafts[^1].End < 1500)
        {
            var entity = lastQuoted.Speaker?.Entity;
            // Sentences whose subject is itself a pronoun ("He also said …") carry the same person on.
            var namedSince = entities.Any(e => e.Type == wanted && e.Start >= drafts[^1].End && e.End <= position && e != entity
                && !StartsWithPronoun(tokens, SentenceAt(sentences, e.Start)));
            if (!namedSince && personal && entity?.Type == EntityType.Person && Fits(pronoun, entity, entities))
            {
                return (entity, null);
            }

            if (!namedSince && !personal && (entity?.Type == EntityType.Organization || (entity is null && lastQuoted.Description is not null)))
            {
                return (entity, lastQuoted.Description);
            }
        }

        // Sentence by sentence backwards from the pronoun: the first fitting name in a sentence is its subject.
        for (var k = sentences.Count - 1; k >= 0; k--)
        {
            var sentence = sentences[k];
            if (sentence.Start >= position)
            {
                continue;
            }

            if (StartsWithPronoun(tokens, sentence))
            {
                continue;
            }

            var quoteStarts = drafts.Select(d => (d.Start, d.End)).ToList();
            var subjectFrom = tokens[SubjectStart(tokens, sentence.FirstToken, sentence.LastToken)].Start;
            foreach (var entity in entities)
            {
                if (entity.Start >= subjectFrom && entity.End <= Math.Min(sentence.End, position) && entity.Type == wanted
                    && !quoteStarts.Any(q => entity.Start >= q.Start && entity.End <= q.End) && (!personal || Fits(pronoun, entity, entities)))
                {
                    return (entity, null);
                }
            }

            if (position - sentence.Start > 3000)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether "he" or "she" can stand for the person: not when their given name (or that of the full name their surname
    /// stands for in this text) is one used only for the other sex.
    /// </summary>
    private static bool Fits(string pronoun, EntityMention person, IReadOnlyList<EntityMention> entities)
    {
        var wanted = pronoun.ToLowerInvariant() switch
        {
            "he" or "him" => 'M',
            "she" or "her" => 'F',
            _ => (char?)null,
        };
        var words = person.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var given = words.Length > 1 ? words[0]
            : entities.FirstOrDefault(e => e.Type == EntityType.Person && e.Text.EndsWith(" " + person.Text, StringComparison.Ordinal))?.Text.Split(' ')[0];
        var sex = given is null ? null : Gazetteer.Default.SexOf(given);
        return wanted is null || sex is null || sex == wanted;
    }

    private static Sentence? SentenceAt(IReadOnlyList<Sentence> sentences, int position)
    {
        foreach (var sentence in sentences)
        {
            if (sentence.Start <= position && position < sentence.End)
            {
                return sentence;
            }
        }

        return null;
    }

    private static bool StartsWithPronoun(IReadOnlyList<Token> tokens, Sentence? sentence) =>
        sentence is { } s && tokens[s.FirstToken].Text is "He" or "She" or "They" or "It";

    private static bool IsSpeechVerb(Token token) => token.Kind == TokenKind.Word && token.IsLower && s_speechVerbs.Contains(token.Text);

    private static bool HasNewline(string text, int from, int to) => from < to && text.AsSpan(from, to - from).Contains('\n');

    private static int SentenceStartToken(IReadOnlyList<Sentence> sentences, int position, IReadOnlyList<Token> tokens)
    {
        foreach (var sentence in sentences)
        {
            if (sentence.Start <= position && position < sentence.End)
            {
                return sentence.FirstToken;
            }
        }

        return Math.Max(0, FirstTokenAtOrAfter(tokens, position) - 30);
    }

    private static int FirstTokenAtOrAfter(IReadOnlyList<Token> tokens, int position)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int LastTokenBefore(IReadOnlyList<Token> tokens, int position) => FirstTokenAtOrAfter(tokens, position) - 1;

    private static List<int> ParagraphStarts(string text)
    {
        var starts = new List<int> { 0 };
        // Blank lines do not count: the paragraph after one is the next paragraph.
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '\n' && text[i + 1] is not ('\n' or '\r'))
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int ParagraphOf(List<int> starts, int position)
    {
        var index = starts.BinarySearch(position);
        return index >= 0 ? index : ~index - 1;
    }
}
