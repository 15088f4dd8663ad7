using System.Globalization;
using System.Text.Json;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

/// <summary>
/// Title, date and author over our own saved-page set (Articles/MetadataPages: twelve pages written for this,
/// carrying metadata the ways sites do: JSON-LD objects, arrays and string authors, Open Graph and article:
/// tags, meta author/date/dc.creator, a byline line and a &lt;time&gt; element, site names in &lt;title&gt;).
/// </summary>
public sealed class HtmlMetadataAccuracyTests
{
    private const double Needed = 0.9;

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Expected(string Title, string PublishedOn, string Author);

    [Fact]
    public void Title_date_and_author_are_right_on_at_least_nine_pages_in_ten()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "MetadataPages");
        var expected = JsonSerializer.Deserialize<Dictionary<string, Expected>>(
            File.ReadAllText(Path.Combine(folder, "expected.json")), s_json)!;
        int titles = 0, dates = 0, authors = 0;
        var misses = new List<string>();
        foreach (var (name, want) in expected)
        {
            var decoded = HtmlArticleReader.Decode(File.ReadAllBytes(Path.Combine(folder, name)));
            var article = HtmlArticleReader.Read(decoded.Text!);
            Check(article.Title == want.Title, ref titles, $"{name} title: {article.Title}");
            Check(article.PublishedOn == DateOnly.Parse(want.PublishedOn, CultureInfo.InvariantCulture), ref dates, $"{name} date: {article.PublishedOn}");
            Check(article.Byline is { } byline && byline.Contains(want.Author, StringComparison.Ordinal), ref authors, $"{name} author: {article.Byline}");
            Assert.NotEmpty(article.Paragraphs);
        }

        void Check(bool right, ref int count, string miss)
        {
            if (right)
            {
                count++;
            }
            else
            {
                misses.Add(miss);
            }
        }

        var n = (double)expected.Count;
        Assert.True(titles / n >= Needed && dates / n >= Needed && authors / n >= Needed,
            $"titles {titles}/{n}, dates {dates}/{n}, authors {authors}/{n}; missed: {string.Join("; ", misses)}");
    }
}
