using System.Globalization;
using System.Text;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// Builds a benchmark corpus from real sentences: the seed articles' story paragraphs, recombined into new
/// stories whose people, places, numbers and outlets vary. Each story is covered by several outlets, each
/// article a different cut and order of the story's paragraphs. Deterministic for a given seed.
/// Files: &lt;out&gt;/&lt;outlet&gt;/&lt;n&gt;.txt with a " date YYYY-MM-DD" first line, and a sources.json naming the outlet.
/// </summary>
public sealed class CorpusGenerator(int seed, DateOnly firstDay, int days)
{
    /// <summary>Stories spread over the ten years from 2015.</summary>
    public CorpusGenerator(int seed)
        : this(seed, new DateOnly(2015, 1, 1), 3650)
    {
    }

    private static readonly string[] s_givenNames =
    [
        "Amina", "Rahul", "Sofia", "Kwame", "Mei", "Javier", "Olga", "Tariq", "Ingrid", "Thabo", "Yuki", "Lucas", "Fatima", "Dmitri", "Priya",
        "Chen", "Aisha", "Mateo", "Hana", "Emeka", "Lars", "Nadia", "Kenji", "Zeynep", "Omar", "Elena", "Samuel", "Leila", "Viktor", "Grace",
    ];

    private static readonly string[] s_surnames =
    [
        "Okafor", "Sharma", "Rossi", "Mensah", "Lin", "Garcia", "Ivanova", "Haddad", "Larsen", "Nkosi", "Tanaka", "Silva", "Rahman", "Petrov",
        "Iyer", "Wang", "Bello", "Torres", "Kim", "Adeyemi", "Berg", "Saleh", "Mori", "Yilmaz", "Farouk", "Costa", "Mwangi", "Karimi", "Novak", "Osei",
    ];

    private static readonly string[] s_places =
    [
        "Nairobi", "Lagos", "Cairo", "Karachi", "Jakarta", "Manila", "Lima", "Bogota", "Kyiv", "Warsaw", "Athens", "Lisbon", "Seoul", "Hanoi",
        "Dhaka", "Accra", "Tunis", "Amman", "Beirut", "Ankara", "Tbilisi", "Almaty", "Santiago", "Quito", "Caracas", "Kampala", "Harare", "Dakar",
    ];

    private static readonly string[] s_outlets =
    [
        "Daily Ledger", "Evening Courier", "Harbour Gazette", "Northern Star", "Capital Times", "Coastal Herald", "Morning Post Online",
        "Valley Chronicle", "Metro Tribune", "Frontier Review", "City Observer", "Global Dispatch", "Continental Report", "Riverside News",
        "Highland Times", "Pacific Monitor", "Atlantic Wire", "Desert Sun", "Lakeside Journal", "Mountain Echo",
    ];

    private static readonly string[] s_originalPeople =
    [
        "Adel Abdul Mahdi", "Qassem Soleimani", "Mike Pompeo", "Ali Khamenei", "Mohammad Javad Zarif", "Abu Mahdi al-Muhandis", "Ammar al-Shibli",
        "Hadi al-Amiri", "Chuck Schumer", "Toby Dodge", "Hesameddin Ashena", "Abbas Mousavi",
    ];

    private static readonly string[] s_originalPlaces = ["Baghdad", "Tehran", "Mashhad", "Gaza", "Salahuddin"];

    private readonly Random _random = new(seed);

    public static List<List<string>> StoryParagraphs(string seedFolder) =>
        Directory.EnumerateFiles(seedFolder, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => PlainTextArticleReader.Read(TextDecoder.Decode(File.ReadAllBytes(f)).Text!).Paragraphs.Where(p => TextShape.CountWords(p) >= 8).ToList())
            .ToList();

    /// <summary>One generated article: its outlet, file name and text (a " date YYYY-MM-DD" line, the headline, paragraphs).</summary>
    public sealed record Article(string Outlet, string FileName, string Text);

    /// <summary>Writes <paramref name="articles"/> articles; returns the bytes written.</summary>
    public long Write(string outFolder, int articles, List<List<string>> sources)
    {
        Directory.CreateDirectory(outFolder);
        foreach (var outlet in s_outlets)
        {
            var folder = Path.Combine(outFolder, Slug(outlet));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "sources.json"), $$"""{ "*": { "outlet": "{{outlet}}" } }""");
        }

        long bytes = 0;
        foreach (var article in Articles(articles, sources))
        {
            File.WriteAllText(Path.Combine(outFolder, Slug(article.Outlet), article.FileName), article.Text);
            bytes += Encoding.UTF8.GetByteCount(article.Text);
        }

        return bytes;
    }

    /// <summary>The articles <see cref="Write"/> writes, in the same order, without touching the disk.</summary>
    public IEnumerable<Article> Articles(int articles, List<List<string>> sources)
    {
        var written = 0;
        var story = 0;
        while (written < articles)
        {
            story++;
            var template = sources[_random.Next(sources.Count)];
            var people = s_originalPeople.ToDictionary(p => p, _ => Person(), StringComparer.Ordinal);
            var places = s_originalPlaces.ToDictionary(p => p, _ => s_places[_random.Next(s_places.Length)], StringComparer.Ordinal);
            var keyword = Word();
            var day = firstDay.AddDays(_random.Next(days));
            var coverage = Math.Min(articles - written, 2 + _random.Next(6));
            foreach (var outlet in s_outlets.OrderBy(_ => _random.Next()).Take(coverage))
            {
                var text = new StringBuilder();
                text.Append(" date ").Append(day.AddDays(_random.Next(3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
                var paragraphs = template.Where(_ => _random.NextDouble() < 0.75).OrderBy(p => template.IndexOf(p) + _random.Next(3)).ToList();
                if (paragraphs.Count == 0)
                {
                    paragraphs.Add(template[0]);
                }

                text.Append(Rewrite(Headline(paragraphs[0]), people, places)).Append(" in ").Append(places["Baghdad"]).Append("\n\n");
                foreach (var paragraph in paragraphs)
                {
                    text.Append(Rewrite(paragraph, people, places)).Append("\n\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"Officials described the {keyword} talks as decisive, and {_random.Next(2, 900)} people attended the session.\n");
                yield return new Article(outlet, $"{story:D6}-{written:D6}.txt", text.ToString());
                written++;
            }
        }
    }

    private string Person() => $"{s_givenNames[_random.Next(s_givenNames.Length)]} {s_surnames[_random.Next(s_surnames.Length)]}";

    // A made-up word, so rare-word queries have something rare to find.
    private string Word()
    {
        string[] syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "qui", "dan", "zo", "bri"];
        return string.Concat(Enumerable.Range(0, 3).Select(_ => syllables[_random.Next(syllables.Length)]));
    }

    private static string Headline(string lead)
    {
        var words = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(9);
        return string.Join(' ', words).TrimEnd(',', '.', ';', ':');
    }

    private string Rewrite(string paragraph, Dictionary<string, string> people, Dictionary<string, string> places)
    {
        var result = paragraph;
        foreach (var (original, replacement) in people)
        {
            result = result.Replace(original, replacement, StringComparison.Ordinal);
            var surname = original.Split(' ')[^1];
            result = result.Replace(surname, replacement.Split(' ')[^1], StringComparison.Ordinal);
        }

        foreach (var (original, replacement) in places)
        {
            result = result.Replace(original, replacement, StringComparison.Ordinal);
        }

        // Numbers vary between stories: 5,000 troops become 3,000 or 7,000.
        return System.Text.RegularExpressions.Regex.Replace(result, @"\b\d{2,}\b", m => (_random.Next(2, 99) * (m.Value.Length > 2 ? 100 : 1)).ToString(CultureInfo.InvariantCulture));
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
