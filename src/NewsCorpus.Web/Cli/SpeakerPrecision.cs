using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Articles;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;
using static NewsCorpus.Web.Cli.EvaluateCorpusCommand;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// Speaker-search precision against PolNeAR-style gold attributions (direct-quotes.tsv beside text/): for the five people
/// quoted most in those articles, each quote speaker search returns is checked against the gold attribution whose content
/// it covers (at least 30% of its characters). It is theirs when the gold source names them (shares a word of their names);
/// a gold source that is only a pronoun stands for the source the gold last named before it, and one with no name at all
/// (a description, or nothing named before it) cannot be checked and is counted apart.
/// </summary>
internal sealed class SpeakerPrecision(NewsCorpusDbContext db, TextWriter output)
{
    private const int People = 5;
    private const double CoverageNeeded = 0.30;

    private static readonly HashSet<string> s_pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "we", "you", "his", "her", "their", "its", "our", "him", "them", "who", "this", "that", "the",
    };

    private sealed record Attribution(List<(int Start, int End)> Content, string Source);

    public async Task WriteAsync(string folder)
    {
        var gold = ReadGold(Path.Combine(folder, "direct-quotes.tsv"));
        var textFolder = Path.GetFullPath(Path.Combine(folder, "text")) + Path.DirectorySeparatorChar;
        var quotes = await db.Quotes.AsNoTracking()
            .Where(q => q.SpeakerEntityId != null && q.Article!.SourcePath.StartsWith(textFolder))
            .Select(q => new { q.Text, SpeakerId = q.SpeakerEntityId!.Value, q.Article!.SourcePath }).ToListAsync();
        var top = quotes.GroupBy(q => q.SpeakerId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(People).ToList();
        int results = 0, checkable = 0, right = 0, direct = 0, directRight = 0;
        foreach (var person in top)
        {
            var words = await NameWordsAsync(person.Key);
            int personChecked = 0, personRight = 0;
            foreach (var quote in person)
            {
                results++;
                var key = Path.GetFileNameWithoutExtension(quote.SourcePath);
                var (verdict, named) = Judge(quote.Text, File.Exists(quote.SourcePath) ? Raw(quote.SourcePath) : "", gold.GetValueOrDefault(key) ?? [], words);
                if (verdict is { } isRight)
                {
                    (direct, directRight) = named ? (direct + 1, directRight + (isRight ? 1 : 0)) : (direct, directRight);
                    (checkable, personChecked) = (checkable + 1, personChecked + 1);
                    (right, personRight) = isRight ? (right + 1, personRight + 1) : (right, personRight);
                }
            }

            var name = await db.Entities.Where(e => e.Id == person.Key).Select(e => e.Name).SingleAsync();
            await output.WriteLineAsync(Line($"  {name}: {person.Count()} quotes, {personChecked} checkable, {personRight} theirs"));
        }

        var precision = checkable == 0 ? 0 : (double)right / checkable;
        await output.WriteLineAsync(Line($"speaker-search precision, five most quoted people: {precision:0.000} ({right} of {checkable} checkable results; {results - checkable} with no named gold source)"));
        await output.WriteLineAsync(Line($"  of which the gold source names someone itself: {(direct == 0 ? 0 : (double)directRight / direct):0.000} ({directRight} of {direct}); through a pronoun read as the last source the gold named: {right - directRight} of {checkable - direct}"));
    }

    // True or false when a gold attribution covers the quote and names a source; null when nothing can be checked.
    private static (bool? Right, bool Named) Judge(string quote, string raw, List<Attribution> gold, HashSet<string> nameWords)
    {
        var at = raw.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0)
        {
            return (null, false);
        }

        var (start, end) = (at, at + quote.Length);
        var covering = gold.Where(g => Coverage(g.Content, start, end) >= CoverageNeeded).ToList();
        var named = covering.Where(IsNamed).ToList();
        var direct = named.Count > 0;
        if (named.Count == 0 && covering.Count > 0)
        {
            // "he said": the gold gives no name, so the pronoun is read as the speaker the gold last named before it.
            var first = covering.Min(g => g.Content[0].Start);
            named = [.. gold.Where(g => IsNamed(g) && g.Content[0].Start < first).OrderByDescending(g => g.Content[0].Start).Take(1)];
        }

        return (named.Count == 0 ? null : named.Any(g => Words(g.Source).Any(w => nameWords.Contains(w.ToLowerInvariant()))), direct);
    }

    private static bool IsNamed(Attribution attribution) =>
        Words(attribution.Source).Any(w => char.IsUpper(w[0]) && !s_pronouns.Contains(w) && !PersonNames.Default.IsNonNameWord(w));

    private static double Coverage(List<(int Start, int End)> content, int start, int end)
    {
        var length = content.Sum(c => c.End - c.Start);
        var covered = content.Sum(c => Math.Max(0, Math.Min(c.End, end) - Math.Max(c.Start, start)));
        return length == 0 ? 0 : (double)covered / length;
    }

    private async Task<HashSet<string>> NameWordsAsync(int entityId)
    {
        var aliases = await db.EntityAliases.Where(a => a.EntityId == entityId).Select(a => a.Name).ToListAsync();
        return [.. aliases.SelectMany(Words).Where(w => w.Length > 2 && char.IsUpper(w[0]) && !PersonNames.Default.IsNonNameWord(w)).Select(w => w.ToLowerInvariant())];
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '-', '.', ',', '’', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2 && char.IsLetter(w[0]));

    private static string Raw(string path) => (TextDecoder.Decode(File.ReadAllBytes(path)).Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    private static Dictionary<string, List<Attribution>> ReadGold(string tsv) =>
        File.ReadLines(tsv)
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("article\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 7)
            .GroupBy(f => f[0])
            .ToDictionary(g => g.Key, g => g.Select(f => new Attribution(Spans(f[3]), f[6])).Where(a => a.Content.Count > 0).ToList());

    private static List<(int Start, int End)> Spans(string field) =>
        [.. field.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('-')).Where(p => p.Length == 2)
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))];
}
