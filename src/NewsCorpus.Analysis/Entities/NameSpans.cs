using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Entities;

/// <summary>
/// Finds where names may be: runs of capitalised words in a sentence, joined across particles ("Bank of England"),
/// titles with their full stop ("Gen. Miller") and "and" where the joined run is a known organisation or place. Which
/// of them are names, and of what type, the <see cref="EntityRecognizer"/> decides.
/// </summary>
internal sealed class NameSpans(Gazetteer gazetteer)
{
    /// <summary>Lower-case particles inside names ("Bank of England", "Ibn Saud", "van Gogh").</summary>
    public static readonly IReadOnlySet<string> Connectors = new HashSet<string>(StringComparer.Ordinal)
    {
        "of", "de", "del", "della", "di", "da", "dos", "du", "van", "von", "der", "den", "al", "bin", "ibn", "bint", "el", "la", "le", "y",
    };

    /// <summary>Words that join two organisation names or a known place ("Bosnia and Herzegovina", "Committee for…").</summary>
    public static readonly IReadOnlySet<string> OrganizationConnectors = new HashSet<string>(StringComparer.Ordinal) { "and", "&", "for", "the", "on" };

    /// <summary>Last words of organisation names (Party, Ministry, University, Times).</summary>
    public static readonly IReadOnlySet<string> OrganizationHeads = new HashSet<string>(StringComparer.Ordinal)
    {
        "Party", "Council", "Ministry", "Committee", "Corps", "Force", "Forces", "Army", "Navy", "Police", "University", "College",
        "School", "Bank", "Group", "Company", "Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Co", "Corp", "Agency", "Association",
        "Union", "Organization", "Organisation", "Institute", "Foundation", "Commission", "Court", "Department", "Office", "Parliament",
        "Assembly", "Church", "Times", "Post", "News", "Journal", "Press", "Television", "TV", "Radio", "Network", "Club", "FC",
        "League", "Federation", "Movement", "Front", "Brigade", "Brigades", "Division", "Authority", "Administration", "Service",
        "Services", "Airlines", "Airways", "Hospital", "Museum", "Centre", "Center", "Fund", "Trust", "Board", "Senate", "Congress",
        "Cabinet", "Government", "Guard", "Guards", "Militia", "Tribune", "Herald", "Gazette", "Telegraph", "Chronicle", "Daily",
        "Magazine", "Records", "Entertainment", "Studios", "Motors", "Industries", "Holdings", "Partners", "Capital", "Systems",
        "Technologies", "Airport", "Police", "Command", "Bureau", "Secretariat", "Caucus", "Alliance", "Coalition", "Band",
    };

    /// <summary>Last words of place names (River, Street, Stadium).</summary>
    public static readonly IReadOnlySet<string> LocationHeads = new HashSet<string>(StringComparer.Ordinal)
    {
        "City", "County", "Province", "State", "Street", "River", "Mountain", "Mountains", "Lake", "Island", "Islands", "Valley",
        "Sea", "Ocean", "Bay", "Square", "Region", "District", "Peninsula", "Desert", "Strait", "Straits", "Canal", "Coast",
        "Heights", "Hills", "Park", "Avenue", "Road", "Bridge", "Beach", "Gulf", "Territory", "Territories", "Village",
        "Stadium", "Arena", "Gym", "Theatre", "Theater", "Rink", "Courthouse", "Station", "Parish", "Castle", "Palace", "Cathedral",
        "Temple", "Mosque", "Tower", "Market", "Harbor", "Harbour", "Falls", "Creek", "Brook", "Pond", "Reservoir", "Canyon",
        "Forest", "Glacier", "Junction", "Springs", "Plateau", "Basin", "Boulevard", "Lane", "Plaza", "Mall", "Highway",
    };

    /// <summary>Words that make a capitalised span an event, award or other named thing, never a person: "Battle of Bull Run", "Stanley Cup".</summary>
    public static readonly IReadOnlySet<string> EventWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "Battle", "War", "Operation", "Treaty", "Accord", "Accords", "Agreement", "Award", "Awards", "Prize", "Cup", "Trophy",
        "Championship", "Championships", "Olympics", "Games", "Festival", "Summit", "Conference", "Revolution", "Massacre",
        "Uprising", "Prix", "Marathon", "Expo",
    };

    /// <summary>A line in capitals (a headline or crosshead): case says nothing there, so only gazetteer names are trusted.</summary>
    public static bool IsShouting(IReadOnlyList<Token> tokens, Sentence sentence)
    {
        var words = 0;
        var caps = 0;
        for (var k = sentence.FirstToken; k <= sentence.LastToken; k++)
        {
            if (tokens[k].Kind == TokenKind.Word && tokens[k].Text.Length > 1)
            {
                words++;
                if (tokens[k].Text.All(c => !char.IsLetter(c) || char.IsUpper(c)))
                {
                    caps++;
                }
            }
        }

        return words >= 2 && caps >= words * 0.8;
    }


    public static bool IsNameWord(Token token)
    {
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        var text = token.Text;
        if (char.IsDigit(text[0]))
        {
            return text.Count(char.IsUpper) >= 2 && !text.Any(char.IsLower); // "6PR", "7UP"; not "5G" or "4K"
        }

        if (!char.IsUpper(text[0]))
        {
            return text.Length > 3 && text[2] == '-' && text[..2] is "al" or "el" && char.IsUpper(text[3]);
        }

        // "Iranian-backed", "US-led": an adjective, not a name; "Jae-yong" is a name.
        var hyphen = text.LastIndexOf('-');
        return hyphen < 0 || hyphen + 1 >= text.Length || !char.IsLower(text[hyphen + 1]) || !s_adjectiveSuffixes.Contains(text[(hyphen + 1)..]);
    }


    private static readonly HashSet<string> s_adjectiveSuffixes = new(StringComparer.Ordinal)
    {
        "backed", "led", "based", "born", "owned", "style", "era", "made", "funded", "allied", "aligned", "controlled", "run", "dominated",
        "friendly", "speaking", "bound", "wide", "like", "linked", "related", "designed", "inspired", "occupied", "held", "registered",
        "listed", "flagged", "brokered", "sponsored", "supported", "affiliated", "centric", "first", "only", "majority", "level", "wise",
        "trained", "educated", "raised", "bred", "American", "sized", "type", "class", "specific", "oriented", "focused", "free",
    };


    /// <summary>The last token of the capitalised span starting at <paramref name="i"/>, or i-1 when no span starts there.</summary>
    public int SpanEnd(IReadOnlyList<Token> tokens, int i, int last, string text)
    {
        if (!IsNameWord(tokens[i]))
        {
            return i - 1;
        }

        var end = i;
        while (end + 1 <= last)
        {
            var next = tokens[end + 1];
            if (next.Start - tokens[end].End > 1 || text.AsSpan(tokens[end].End, next.Start - tokens[end].End).Contains('\n'))
            {
                break;
            }

            if (IsNameWord(next) && !next.Is("’s") && !next.Is("'s"))
            {
                end++;
                continue;
            }

            // "Mr." and "Gen." keep going: the full stop belongs to the title.
            if (next.Is(".") && (Lexicon.TitleAbbreviations.Contains(tokens[end].Text) || (tokens[end].Text.Length == 1 && char.IsUpper(tokens[end].Text[0]))) && end + 2 <= last && IsNameWord(tokens[end + 2]))
            {
                end += 2;
                continue;
            }

            if (end + 2 <= last && IsNameWord(tokens[end + 2]) && (Connectors.Contains(next.Text) || OrganizationConnectors.Contains(next.Text)))
            {
                if (Connectors.Contains(next.Text))
                {
                    end += 2;
                    continue;
                }

                // "and", "for", "the" only join organisation names and known places ("Bosnia and Herzegovina"): check the joined span reads as one.
                var joinedEnd = end + 2;
                while (joinedEnd + 1 <= last && IsNameWord(tokens[joinedEnd + 1]))
                {
                    joinedEnd++;
                }

                var joined = text[tokens[i].Start..tokens[joinedEnd].End];
                if (gazetteer.Organization(joined) is not null || gazetteer.Location(joined) is not null || OrganizationHeads.Contains(tokens[joinedEnd].Text) && !IsTitleSequence(tokens, end + 2, joinedEnd))
                {
                    end = joinedEnd;
                    continue;
                }
            }

            break;
        }

        // "Clay Tice Jr.": the suffix's full stop is part of the name.
        if (end > i && tokens[end].Text is "Jr" or "Sr" && end + 1 <= last && tokens[end + 1].Is(".") && tokens[end + 1].Start == tokens[end].End)
        {
            end++;
        }

        return end;
    }


    private bool IsTitleSequence(IReadOnlyList<Token> tokens, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Any(k => gazetteer.IsTitle(tokens[k].Text));
}
