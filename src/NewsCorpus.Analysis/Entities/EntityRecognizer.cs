using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Entities;

public enum EntityType
{
    Person,
    Organization,
    Location,

    /// <summary>A nationality, religion or other group adjective (Iranian, Shi'ite); <see cref="EntityMention.RefersTo"/> names its country or group.</summary>
    Group,
}

/// <summary>
/// A named mention in the text. The span covers the name only; a title or role in front of it
/// ("Prime Minister", "Supreme Leader Ayatollah") is kept in <see cref="Role"/>.
/// </summary>
public sealed record EntityMention(EntityType Type, int Start, int End, string Text, string? Role = null, string? RefersTo = null);

/// <summary>
/// Finds people, organisations, places and group adjectives with rules: capitalised spans, gazetteers,
/// titles, given names, organisation and place head words, speech-verb context, and names seen earlier
/// in the same text.
/// </summary>
public sealed class EntityRecognizer(Gazetteer gazetteer)
{
    private readonly NameSpans spans = new(gazetteer);

    // Articles of other languages that start names of places, clubs and works, not of people: "Les Bains", "El Paso".
    private static readonly HashSet<string> s_foreignArticles = new(StringComparer.Ordinal) { "Le", "La", "Les", "El", "Los", "Las", "Il", "Lo", "Der", "Die", "Das", "Het", "De" };

    // Common nouns that, after a demonym, make an institution: "the Iraqi parliament".
    private static readonly HashSet<string> s_institutions = new(StringComparer.OrdinalIgnoreCase)
    {
        "parliament", "government", "cabinet", "ministry", "embassy", "regime", "authorities", "judiciary", "lawmakers",
    };

    private static readonly IReadOnlySet<string> s_speechVerbs = Lexicon.NameCueVerbs;

    private static readonly HashSet<string> s_locationPrepositions = new(StringComparer.Ordinal) { "in", "at", "near", "from", "across", "outside", "inside", "into", "to", "towards" };

    private static readonly IReadOnlySet<string> s_personTitleWords = Lexicon.TitleAbbreviations;

    public static EntityRecognizer Default { get; } = new(Gazetteer.Default);

    public List<EntityMention> Recognize(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        var doc = new RecognitionContext(text, tokens);
        // A surname written after a given name anywhere in the text is that person's, also where it stands alone before the
        // full name appears ("Cabral came through the ranks … Raphael Cabral").
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            var surname = tokens[k + 1];
            if (gazetteer.IsGivenName(tokens[k].Text) && surname.IsCapitalized && surname.Text.Length > 2 && tokens[k].End + 1 == surname.Start
                && !doc.WritesInLowerCase(surname.Text) && !gazetteer.IsCommonWord(surname.Text) && !IsKnownName(surname.Text)
                && (k + 2 >= tokens.Count || !NameSpans.IsNameWord(tokens[k + 2])))
            {
                doc.KnownPeople.TryAdd(surname.Text, $"{tokens[k].Text} {surname.Text}");
            }
        }

        foreach (var sentence in sentences)
        {
            var headline = NameSpans.IsShouting(tokens, sentence);
            var i = sentence.FirstToken;
            while (i <= sentence.LastToken)
            {
                var end = spans.SpanEnd(tokens, i, sentence.LastToken, text);
                if (end < i)
                {
                    i++;
                    continue;
                }

                var atStart = i == sentence.FirstToken || tokens[i - 1].Text is "“" or "\"" or "‘" or "'" or "(" or "[" or ":" or "—" or "–" or "-";
                ClassifySpan(doc, i, end, atStart, headline);
                i = end + 1;
            }
        }

        return AddAppositiveRoles(text, tokens, doc.Mentions);
    }

    private static readonly HashSet<string> s_articles = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the" };

    /// <summary>
    /// "Ammar al-Shibli, a Shia lawmaker and member of …" and "Adel Abdul Mahdi, Iraq’s caretaker prime minister," give the
    /// person a role: the descriptive phrase after the comma (without the country's possessive), up to "and" or the next comma.
    /// </summary>
    private static List<EntityMention> AddAppositiveRoles(string text, IReadOnlyList<Token> tokens, List<EntityMention> mentions)
    {
        var result = new List<EntityMention>(mentions.Count);
        var tokenIndex = 0;
        foreach (var mention in mentions)
        {
            if (mention.Type != EntityType.Person || mention.Role is not null)
            {
                result.Add(mention);
                continue;
            }

            while (tokenIndex < tokens.Count && tokens[tokenIndex].End <= mention.End - 1)
            {
                tokenIndex++;
            }

            var k = tokenIndex + 1;
            if (k + 1 >= tokens.Count || !tokens[k].Is(",") || text.AsSpan(tokens[tokenIndex].End, tokens[k].Start - tokens[tokenIndex].End).Contains('\n'))
            {
                result.Add(mention);
                continue;
            }

            var start = k + 1;
            if (start + 1 < tokens.Count && tokens[start].IsCapitalized && tokens[start + 1].Text is "’s" or "'s")
            {
                start += 2; // "Iraq’s caretaker prime minister"
            }
            else if (!s_articles.Contains(tokens[start].Text))
            {
                result.Add(mention);
                continue;
            }

            var end = start;
            while (end + 1 < tokens.Count && end - start < 8 && tokens[end + 1].Kind == TokenKind.Word && !tokens[end + 1].Is("and") && !tokens[end + 1].Is("who")
                   && !tokens[end + 1].Is("of") && (tokens[end + 1].IsLower || IsGroupWord(tokens[end + 1].Text)))
            {
                end++;
            }

            var role = text[tokens[start].Start..tokens[end].End];
            var closes = end + 1 >= tokens.Count || tokens[end + 1].Text is "," or "." or ";" or "and" or "of" or "who" or ")";
            result.Add(end > start && closes && role.Length <= 80 ? mention with { Role = role } : mention);
        }

        return result;
    }

    private static bool IsGroupWord(string word) => Gazetteer.Default.DemonymOf(word) is not null;

    private void ClassifySpan(RecognitionContext doc, int from, int to, bool atStart, bool headline)
    {
        var (text, tokens, knownPeople, mentions) = (doc.Text, doc.Tokens, doc.KnownPeople, doc.Mentions);
        if (tokens[from].Is("The") && from < to && gazetteer.Organization(doc.Slice(from, to)) is { } withThe)
        {
            doc.Add(EntityType.Organization, from, to, null, withThe);
            return;
        }

        // A sentence-initial capital is only a name when the word is not an ordinary word of the text.
        while (from <= to && atStart && IsOrdinaryWord(tokens[from].Text, doc))
        {
            from++;
            atStart = false;
        }

        while (from <= to && ((gazetteer.IsCommonWord(tokens[from].Text) && !IsKnownName(tokens[from].Text)) || NameSpans.Connectors.Contains(tokens[from].Text) || NameSpans.OrganizationConnectors.Contains(tokens[from].Text))
               && !s_personTitleWords.Contains(tokens[from].Text))
        {
            from++;
        }

        while (to >= from && gazetteer.IsCommonWord(tokens[to].Text) && !IsKnownName(tokens[to].Text))
        {
            to--;
        }

        if (from > to)
        {
            return;
        }

        var whole = doc.Slice(from, to);
        if (knownPeople.ContainsKey(whole))
        {
            // "Lincoln" after "Abraham Lincoln", "Jordan" after "Michael Jordan": the text has said who this is.
            doc.Add(EntityType.Person, from, to, null, null);
            return;
        }

        if (gazetteer.Organization(whole) is { } wholeOrg)
        {
            doc.Add(EntityType.Organization, from, to, null, wholeOrg);
            return;
        }

        if (gazetteer.Location(whole) is { } wholeLocation)
        {
            doc.Add(EntityType.Location, from, to, null, wholeLocation);
            return;
        }

        // A demonym that starts an institution's name belongs to it: "European Central Bank", "Iraqi Federal Police",
        // "British Columbia Institute of Technology".
        if (gazetteer.DemonymOf(tokens[from].Text) is not null && from < to && HasOrganizationHead(tokens, from + 1, to) && LastTitleEnd(tokens, from + 1, to) < from + 1)
        {
            doc.Add(EntityType.Organization, from, to, null, null);
            return;
        }

        // Leading demonym: "Iraqi Prime Minister …", "Iranian military commander", "Iraqi parliament".
        if (gazetteer.DemonymOf(tokens[from].Text) is { } group)
        {
            mentions.Add(new EntityMention(EntityType.Group, tokens[from].Start, tokens[from].End, tokens[from].Text, null, group));
            if (from == to)
            {
                AddInstitution(doc, from);
                return;
            }

            from++;
            whole = doc.Slice(from, to);
            if (gazetteer.Organization(whole) is { } org)
            {
                doc.Add(EntityType.Organization, from, to, null, org);
                return;
            }
        }

        // A role with no name after it ("Iran Parliament Speaker"): only a leading place is a name.
        if (gazetteer.IsTitle(tokens[to].Text) && from < to)
        {
            if (gazetteer.Location(tokens[from].Text) is { } leading)
            {
                doc.Add(EntityType.Location, from, from, null, leading);
            }

            return;
        }

        // A leading place before a title: "US President Donald Trump".
        if (from < to && gazetteer.Location(tokens[from].Text) is { } place && TitleLength(tokens, from + 1, to) > 0)
        {
            doc.Add(EntityType.Location, from, from, null, place);
            from++;
        }

        // "Fellow of Trinity College", "President of Kenya": a one-word role held at the institution or place after "of".
        if (from + 1 < to && tokens[from + 1].Is("of") && TitleLength(tokens, from, to) == 1)
        {
            AddPlaceOrInstitution(doc, from + 2, to);
            return;
        }

        // Titles and roles: the name is what follows the last title word.
        string? role = null;
        var titleEnd = NameSpans.OrganizationHeads.Contains(tokens[to].Text) ? from - 1 : LastTitleEnd(tokens, from, to);
        if (titleEnd >= from)
        {
            role = doc.Slice(from, titleEnd);
            from = titleEnd + 1;
            if (from < to && tokens[from].Is("of"))
            {
                // "Fellow of All Souls College", "President of Kenya": what follows names where the role is held.
                AddPlaceOrInstitution(doc, from + 1, to);
                return;
            }

            if (from > to || tokens[from].IsLower)
            {
                return; // "Professor of Mathematics": a role with no name after it
            }

            whole = doc.Slice(from, to);
            doc.Add(EntityType.Person, from, to, role, null);
            doc.RememberPerson(from, to, whole);
            return;
        }

        var type = Classify(doc, from, to, whole, atStart, headline);
        if (type == EntityType.Person && from > 0 && s_articles.Contains(tokens[from - 1].Text) && !knownPeople.ContainsKey(whole) && !gazetteer.IsGivenName(tokens[from].Text))
        {
            // "a Beautiful Lie", "the Stanley Cup": English puts no article before a person's name.
            return;
        }

        if (type is null)
        {
            return;
        }

        doc.Add(type.Value, from, to, null, type == EntityType.Person ? null : gazetteer.Organization(whole) ?? gazetteer.Location(whole));
        if (type == EntityType.Person)
        {
            doc.RememberPerson(from, to, whole);
        }
    }

    private bool IsKnownName(string word) =>
        gazetteer.Location(word) is not null || gazetteer.Organization(word) is not null || gazetteer.IsGivenName(word) || gazetteer.DemonymOf(word) is not null;

    private bool IsOrdinaryWord(string word, RecognitionContext doc)
    {
        if (IsKnownName(word))
        {
            return false;
        }

        return gazetteer.IsCommonWord(word) || doc.WritesInLowerCase(word);
    }

    private EntityType? Classify(RecognitionContext doc, int from, int to, string name, bool atStart, bool headline)
    {
        var (tokens, knownPeople, knownTypes) = (doc.Tokens, doc.KnownPeople, doc.KnownTypes);
        var count = to - from + 1;
        var first = tokens[from].Text;
        var last = tokens[to].Text;

        if (knownTypes.TryGetValue(name, out var known))
        {
            return known;
        }

        if (NameSpans.OrganizationHeads.Contains(last) || first is "University" or "Ministry" or "Bank" or "Department" or "Institute" or "Council" or "Church"
            || Enumerable.Range(from, count - 1).Any(k => NameSpans.OrganizationHeads.Contains(tokens[k].Text) && tokens[k + 1].Is("of")))
        {
            return EntityType.Organization;
        }

        // "the island of Rhodes", "the city of Mosul".
        if (from >= 2 && tokens[from - 1].Is("of") && tokens[from - 2].Text is "island" or "city" or "town" or "village" or "province" or "state" or "region" or "port" or "district" or "county")
        {
            return EntityType.Location;
        }

        // "shares in Tata", "analysts at Morgan Stanley", "Toyota shares".
        var before = from > 0 ? tokens[from - 1].Text : "";
        var beforeThat = from > 1 ? tokens[from - 2].Text : "";
        var after = to + 1 < tokens.Count ? tokens[to + 1].Text : "";
        if ((before is "in" or "of" && beforeThat is "shares" or "stake") || (before is "at" && beforeThat is "analysts" or "workers" or "employees" or "economists" or "executives")
            || after is "shares" or "Inc" or "plc" or "Ltd" or "AG" or "SA")
        {
            return EntityType.Organization;
        }

        if (Enumerable.Range(from, count).Any(k => NameSpans.EventWords.Contains(tokens[k].Text) || (tokens[k].Text.Any(char.IsDigit) && !IsAcronym(tokens[k].Text)))
            || (count >= 2 && last is "Day" or "Eve" && !gazetteer.IsGivenName(first)))
        {
            return null; // "Battle of Bull Run", "World War II", "F-86 Sabre", "Veterans Day" (but "Doris Day")
        }

        if (NameSpans.LocationHeads.Contains(last) && count > 1)
        {
            return EntityType.Location;
        }

        if (knownPeople.ContainsKey(name) || (count == 1 && knownPeople.ContainsKey(first)))
        {
            return EntityType.Person;
        }

        if (headline)
        {
            return null;
        }

        if (gazetteer.IsGivenName(first) && count >= 2)
        {
            return EntityType.Person;
        }

        // A given name alone ("Angela later married") is a person unless the text also uses it as a word ("will", "may").
        if (count == 1 && gazetteer.IsGivenName(first) && !doc.WritesInLowerCase(first) && !headline)
        {
            return EntityType.Person;
        }

        var next = to + 1 < tokens.Count ? tokens[to + 1] : default;
        var previous = from > 0 ? tokens[from - 1] : default;
        var nextNext = to + 2 < tokens.Count ? tokens[to + 2] : default;
        var speaks = next.Text is not null && s_speechVerbs.Contains(next.Text)
            || (previous.Text is not null && s_speechVerbs.Contains(previous.Text) && !atStart)
            || (next.Text is "," && nextNext.Text is "who" or "a" or "an" or "the");
        if (IsAcronym(name))
        {
            return EntityType.Organization;
        }

        if (speaks && count <= 4)
        {
            return EntityType.Person;
        }

        // "West Jersey", "Northern Ontario", "Greater London": a direction before a known place is a place.
        if (count >= 2 && first is "North" or "South" or "East" or "West" or "Northern" or "Southern" or "Eastern" or "Western" or "Central" or "Upper" or "Lower" or "Greater" or "Inner" or "Outer"
            && gazetteer.Location(name[(first.Length + 1)..]) is not null)
        {
            return EntityType.Location;
        }

        // "Oakland Athletics", "West Coast Eagles": a place and a plural is a team or a company.
        if (count >= 2 && IsPlural(last) && !NameSpans.LocationHeads.Contains(last) && gazetteer.DemonymOf(last) is null
            && (gazetteer.Location(tokens[from].Text) is not null || (count >= 3 && gazetteer.Location(TwoWords(tokens, from)) is not null)))
        {
            return EntityType.Organization;
        }

        // "the rock band Eels", "carmaker Tata", "signed to Deltasonic", "Caloi was founded in 1898".
        if (IsOrganizationCue(tokens, from, to))
        {
            return EntityType.Organization;
        }

        // A span holding a known place or organisation ("UN Charter") is some other kind of name.
        if (Enumerable.Range(from, count).Any(k => gazetteer.Location(tokens[k].Text) is not null || gazetteer.Organization(tokens[k].Text) is not null || gazetteer.DemonymOf(tokens[k].Text) is not null))
        {
            return null;
        }

        // "in San Jose", "near Bridgton Junction": these prepositions put a place after them far more often than a person.
        if (previous.Text is "in" or "near" or "outside" or "across" or "into" or "towards" && count <= 3)
        {
            return EntityType.Location;
        }

        // "Fort Lauderdale, Florida": a name followed by a known state or country is a place in it.
        if (next.Text is "," && nextNext.Text is not null && gazetteer.Location(nextNext.Text) is not null && count <= 3 && to + 3 < tokens.Count
            && tokens[to + 3].Kind != TokenKind.Word)
        {
            return EntityType.Location;
        }

        if (count is 2 or 3 && !s_foreignArticles.Contains(first) && Enumerable.Range(from, count).All(k => tokens[k].IsCapitalized && tokens[k].Text.Length > 1 && !doc.WritesInLowerCase(tokens[k].Text)))
        {
            return EntityType.Person;
        }

        if (previous.Text is not null && s_locationPrepositions.Contains(previous.Text) && count <= 3)
        {
            return EntityType.Location;
        }

        return null;
    }

    private static bool IsPlural(string word) => word.Length > 3 && word[^1] == 's' && word[^2] != 's' && char.IsLower(word[^2]);

    private static string TwoWords(IReadOnlyList<Token> tokens, int from) => $"{tokens[from].Text} {tokens[from + 1].Text}";

    private static bool HasOrganizationHead(IReadOnlyList<Token> tokens, int from, int to) =>
        NameSpans.OrganizationHeads.Contains(tokens[to].Text) || Enumerable.Range(from, to - from).Any(k => NameSpans.OrganizationHeads.Contains(tokens[k].Text) && tokens[k + 1].Is("of"));

    // Nouns that say the next name is an organisation: "the band Eels", "broadcaster Fuse", "label Food".
    private static readonly HashSet<string> s_organizationNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "band", "label", "company", "firm", "club", "team", "manufacturer", "maker", "carmaker", "automaker", "chipmaker", "drugmaker",
        "retailer", "carrier", "airline", "broadcaster", "network", "newspaper", "magazine", "publisher", "studio", "developer",
        "charity", "brand", "conglomerate", "startup", "start-up", "insurer", "lender", "subsidiary", "supplier", "distributor",
        "operator", "outfit", "group", "orchestra", "ensemble", "consultancy", "agency", "bank", "university", "school", "college",
    };

    // Verbs after a name that only organisations (and bands) take: "Caloi was founded in 1898".
    private static readonly HashSet<string> s_foundingVerbs = new(StringComparer.Ordinal) { "founded", "formed", "established", "incorporated", "headquartered", "listed", "acquired", "merged" };

    private static bool IsOrganizationCue(IReadOnlyList<Token> tokens, int from, int to)
    {
        var k = from - 1;
        if (k >= 0 && tokens[k].Is(","))
        {
            k--; // "American rock band, Eels"
        }

        if (k >= 0 && tokens[k].IsLower && s_organizationNouns.Contains(tokens[k].Text) && !(k > 0 && tokens[k - 1].Is("of")))
        {
            return true;
        }

        if (from >= 2 && tokens[from - 1].Text is "to" or "with" or "by" && tokens[from - 2].Text is "signed" or "operated" or "owned" or "acquired" or "bought" or "sponsored" or "published" or "released" or "distributed" or "manufactured")
        {
            return true;
        }

        return to + 2 < tokens.Count && tokens[to + 1].Text is "was" or "were" or "is" && s_foundingVerbs.Contains(tokens[to + 2].Text);
    }

    private void AddPlaceOrInstitution(RecognitionContext doc, int from, int to)
    {
        var name = doc.Slice(from, to);
        if (gazetteer.Organization(name) is { } org)
        {
            doc.Add(EntityType.Organization, from, to, null, org);
        }
        else if (gazetteer.Location(name) is { } place)
        {
            doc.Add(EntityType.Location, from, to, null, place);
        }
        else if (HasOrganizationHead(doc.Tokens, from, to) || IsAcronym(name))
        {
            doc.Add(EntityType.Organization, from, to, null, null);
        }
        else if (NameSpans.LocationHeads.Contains(doc.Tokens[to].Text) && to > from)
        {
            doc.Add(EntityType.Location, from, to, null, null);
        }
    }

    private static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 6 && name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '.') && name.Count(char.IsUpper) >= 2;

    private static void AddInstitution(RecognitionContext doc, int demonym)
    {
        var tokens = doc.Tokens;
        if (demonym + 1 < tokens.Count && s_institutions.Contains(tokens[demonym + 1].Text) && tokens[demonym + 1].IsLower)
        {
            var name = $"{tokens[demonym].Text} {tokens[demonym + 1].Text}";
            doc.Mentions.Add(new EntityMention(EntityType.Organization, tokens[demonym].Start, tokens[demonym + 1].End, doc.Slice(demonym, demonym + 1), null, name));
            doc.KnownTypes.TryAdd(name, EntityType.Organization);
        }
    }

    private int TitleLength(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var length = Math.Min(4, to - from + 1); length >= 1; length--)
        {
            var words = string.Join(' ', Enumerable.Range(from, length).Select(k => tokens[k].Text));
            if (gazetteer.IsTitle(words) || gazetteer.IsTitle(words.Replace(" .", ".", StringComparison.Ordinal)))
            {
                return length;
            }
        }

        return 0;
    }

    // The last token of the title run that leaves a name after it: "Supreme Leader Ayatollah | Ali Khamenei".
    private int LastTitleEnd(IReadOnlyList<Token> tokens, int from, int to)
    {
        var titleEnd = from - 1;
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Is("."))
            {
                continue;
            }

            var length = TitleLength(tokens, k, to);
            if (length > 0 && k + length <= to)
            {
                titleEnd = k + length - 1;
                if (titleEnd + 1 <= to && tokens[titleEnd + 1].Is("."))
                {
                    titleEnd++;
                }

                k = titleEnd;
            }
        }

        // Words before a title belong to the role too ("Telecommunications Minister"); a title with no name after it leaves none.
        return titleEnd;
    }

    private static string Slice(string text, IReadOnlyList<Token> tokens, int from, int to) => text[tokens[from].Start..tokens[to].End];
}
