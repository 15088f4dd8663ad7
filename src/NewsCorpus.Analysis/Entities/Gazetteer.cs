namespace NewsCorpus.Analysis.Entities;

/// <summary>
/// Word lists shipped with the library (Resources/*.txt|tsv): countries with demonyms, places,
/// organisations with aliases, person titles, given names and common capitalised words.
/// Loaded once; lookups are case-sensitive unless stated, because case carries meaning in names.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> s_default = new(() => new Gazetteer());

    private readonly Dictionary<string, string> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _demonyms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _titles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _givenNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _commonWords = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, char> _sexes = new(StringComparer.Ordinal);

    private Gazetteer()
    {
        foreach (var line in Lines("countries.tsv"))
        {
            var parts = line.Split('\t');
            var country = parts[0].Trim();
            _locations[country] = country;
            if (country.StartsWith("The ", StringComparison.Ordinal))
            {
                _locations[country[4..]] = country;
            }

            foreach (var demonym in Field(parts, 1))
            {
                _demonyms[demonym] = country;
            }

            foreach (var alias in Field(parts, 2))
            {
                _locations[alias] = country;
            }
        }

        foreach (var line in Lines("places.txt"))
        {
            var names = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var name in names)
            {
                _locations[name] = names[0];
            }
        }

        foreach (var line in Lines("organizations.txt"))
        {
            var names = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var name in names)
            {
                _organizations[name] = names[0];
            }
        }

        foreach (var line in Lines("person-titles.txt"))
        {
            _titles.Add(line.Trim());
        }

        foreach (var line in Lines("given-names.txt"))
        {
            foreach (var name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                _givenNames.Add(name);
            }
        }

        foreach (var line in Lines("name-genders.txt"))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var name in words.Skip(1))
            {
                _sexes[name] = words[0][0];
            }
        }

        foreach (var line in Lines("common-words.txt"))
        {
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                _commonWords.Add(word);
            }
        }

        // Religious and ethnic groups behave like demonyms: adjectives that point at a group.
        foreach (var group in new[] { "Shi'ite", "Shi’ite", "Shiite", "Shia", "Shi'a", "Sunni", "Sunnis", "Muslim", "Muslims", "Christian", "Christians", "Jewish", "Jews", "Hindu", "Hindus", "Buddhist", "Catholic", "Protestant", "Alawite", "Yazidi", "Druze", "Pashtun", "Hazara", "Baloch", "Uyghur", "Rohingya" })
        {
            _demonyms.TryAdd(group, group);
        }

        MaxLocationTokens = _locations.Keys.Concat(_organizations.Keys).Max(k => k.Split(' ').Length);
    }

    public static Gazetteer Default => s_default.Value;

    public int MaxLocationTokens { get; }

    public string? Location(string name) => _locations.TryGetValue(name, out var canonical) ? canonical : null;

    public string? Organization(string name) => _organizations.TryGetValue(name, out var canonical) ? canonical : null;

    /// <summary>Whether a name, given as characters (no string made), is a known place or organisation.</summary>
    public (bool Location, bool Organization) Knows(ReadOnlySpan<char> name) =>
        (_locations.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(name), _organizations.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(name));

    /// <summary>The country or group a demonym points at: "Iraqi" → "Iraq".</summary>
    public string? DemonymOf(string word) => _demonyms.TryGetValue(word, out var target) ? target : null;

    public bool IsTitle(string words) => _titles.Contains(words);

    public bool IsGivenName(string word) => _givenNames.Contains(word);

    public bool IsCommonWord(string word) => _commonWords.Contains(word);

    /// <summary>'F' or 'M' for a given name used almost only for women or for men; null for others and names used for both.</summary>
    public char? SexOf(string givenName) => _sexes.TryGetValue(givenName, out var sex) ? sex : null;

    private static string[] Field(string[] parts, int index) =>
        parts.Length > index ? parts[index].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];

    private static List<string> Lines(string resource) => WordLists.Lines(resource);
}
