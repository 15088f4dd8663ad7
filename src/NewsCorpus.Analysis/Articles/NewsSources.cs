namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// Names of news agencies and outlets. Used to name what the text already shows (a byline, a credit,
/// a masthead) consistently; never to guess an outlet the text does not name.
/// </summary>
public static class NewsSources
{
    // Wire agencies: the names and abbreviations they appear under in bylines and datelines.
    private static readonly (string Canonical, string[] Names)[] s_agencies =
    [
        ("Reuters", ["Reuters", "Thomson Reuters", "Reuters Staff"]),
        ("Associated Press", ["Associated Press", "The Associated Press", "AP"]),
        ("AFP", ["AFP", "Agence France-Presse", "Agence France Presse"]),
        ("dpa", ["dpa", "Deutsche Presse-Agentur"]),
        ("Xinhua", ["Xinhua", "Xinhua News Agency"]),
        ("Kyodo", ["Kyodo", "Kyodo News"]),
        ("Yonhap", ["Yonhap", "Yonhap News Agency"]),
        ("TASS", ["TASS", "ITAR-TASS"]),
        ("ANI", ["ANI", "Asian News International"]),
        ("PTI", ["PTI", "Press Trust of India"]),
        ("IANS", ["IANS", "Indo-Asian News Service"]),
        ("UPI", ["UPI", "United Press International"]),
        ("Bloomberg", ["Bloomberg", "Bloomberg News"]),
        ("EFE", ["EFE", "Agencia EFE"]),
        ("ANSA", ["ANSA"]),
        ("Anadolu Agency", ["Anadolu Agency", "Anadolu", "AA"]),
        ("PA Media", ["PA", "PA Media", "Press Association"]),
        ("AAP", ["AAP", "Australian Associated Press"]),
        ("The Canadian Press", ["The Canadian Press", "Canadian Press", "CP"]),
        ("IRNA", ["IRNA", "Islamic Republic News Agency"]),
    ];

    // Outlets whose short or corporate names differ from the masthead.
    private static readonly (string Canonical, string[] Names)[] s_outlets =
    [
        ("The Jerusalem Post", ["Jerusalem Post", "JPost", "Jpost Inc", "The Jerusalem Post Group"]),
        ("Al-Masdar News", ["AMN", "Al Masdar News", "Al-Masdar News"]),
        ("The Guardian", ["Guardian", "theguardian.com"]),
        ("The New York Times", ["New York Times", "NYTimes", "nytimes.com"]),
        ("The Washington Post", ["Washington Post"]),
        ("Al Jazeera", ["Al Jazeera English", "Aljazeera"]),
        ("BBC News", ["BBC", "BBC News"]),
        ("Radio Free Europe/Radio Liberty", ["RFE/RL", "Radio Free Europe", "Radio Free Europe / Radio Liberty"]),
    ];

    private static readonly Dictionary<string, string> s_agencyByName = BuildIndex(s_agencies);
    private static readonly Dictionary<string, string> s_outletByName = BuildIndex(s_outlets);

    /// <summary>The agency's canonical name when <paramref name="name"/> names a wire agency.</summary>
    public static string? AgencyNamed(string name) =>
        s_agencyByName.TryGetValue(Key(name), out var canonical) ? canonical : null;

    /// <summary>The canonical form of an outlet or agency name; unknown names come back tidied, not replaced.</summary>
    public static string CanonicalOutlet(string name)
    {
        var key = Key(name);
        if (s_outletByName.TryGetValue(key, out var outlet))
        {
            return outlet;
        }

        return s_agencyByName.TryGetValue(key, out var agency) ? agency : name.Trim();
    }

    /// <summary>Every agency name and abbreviation, for building patterns.</summary>
    public static IEnumerable<string> AgencyNames => s_agencies.SelectMany(a => a.Names.Append(a.Canonical)).Distinct();

    private static Dictionary<string, string> BuildIndex((string Canonical, string[] Names)[] table)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, names) in table)
        {
            index[Key(canonical)] = canonical;
            foreach (var name in names)
            {
                index[Key(name)] = canonical;
            }
        }

        return index;
    }

    // Case, punctuation and a leading "The" do not tell outlets apart.
    private static string Key(string name)
    {
        var trimmed = name.Trim().TrimEnd('.', ',');
        if (trimmed.StartsWith("The ", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[4..];
        }

        return new string([.. trimmed.Where(c => char.IsLetterOrDigit(c) || c == '/').Select(char.ToUpperInvariant)]);
    }
}
