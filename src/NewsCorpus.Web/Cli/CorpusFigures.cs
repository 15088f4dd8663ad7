using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Quotes;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using static NewsCorpus.Web.Cli.EvaluateCorpusCommand;

namespace NewsCorpus.Web.Cli;

/// <summary>The figures eval-corpus prints about an ingested corpus, one method a figure.</summary>
internal sealed class CorpusFigures(NewsCorpusDbContext db, TextWriter output)
{
    private const int MinArticles = 3;
    private const int TopPeople = 150;
    private const int MaxMembersCompared = 50;

    public async Task WriteIngestionAsync(IngestionReport report)
    {
        var failedRuns = await db.IngestionRuns.CountAsync(r => r.FinishedAt == null || r.CorpusPending);
        var leftOut = await db.Articles.CountAsync(a => a.CorpusProblem != null);
        var warned = await db.Articles.CountAsync(a => a.Warnings != null);
        await output.WriteLineAsync(Line($"files: {report.Files.Count} ({report.Count(FileOutcome.Added)} added, {report.Count(FileOutcome.Failed)} failed)"));
        await output.WriteLineAsync(Line($"runs failed or left pending: {failedRuns}; articles left out of corpus passes: {leftOut}; articles with metadata warnings: {warned}"));
        await output.WriteLineAsync(Line($"entities: {await db.Entities.CountAsync()}; stories: {await db.Stories.CountAsync()}; quotes: {await db.Quotes.CountAsync()}; outlets: {await db.Outlets.CountAsync()}"));
    }

    /// <summary>People named in full (given name and surname, middle initials aside) in several articles, and how many entities hold each.</summary>
    public async Task WriteSplitPeopleAsync()
    {
        var mentions = await db.EntityMentions.AsNoTracking().Where(m => m.Type == EntityType.Person && m.EntityId != null)
            .Select(m => new { m.ArticleId, m.Text, EntityId = m.EntityId!.Value }).ToListAsync();
        var people = mentions.Select(m => (m.ArticleId, m.EntityId, Name: FullName(m.Text))).Where(m => m.Name is not null)
            .GroupBy(m => m.Name!).Where(g => g.Select(m => m.ArticleId).Distinct().Count() >= MinArticles)
            .Select(g => (Name: g.Key, Articles: g.Select(m => m.ArticleId).Distinct().Count(), Entities: g.Select(m => m.EntityId).Distinct().Count()))
            .OrderByDescending(p => p.Articles).ToList();
        var split = people.Where(p => p.Entities > 1).ToList();
        await output.WriteLineAsync(Line($"people named in full in at least {MinArticles} articles: {people.Count}; split into more than one entity: {split.Count}"));
        foreach (var person in split)
        {
            await output.WriteLineAsync(Line($"  split: {person.Name} ({person.Articles} articles) in {person.Entities} entities"));
        }

        var sameName = await db.Entities.GroupBy(e => new { e.Type, e.Name }).Where(g => g.Count() > 1).Select(g => g.Key.Name).ToListAsync();
        await output.WriteLineAsync(Line($"entities sharing a name and type: {sameName.Count}{(sameName.Count > 0 ? " (" + string.Join(", ", sameName.Take(20)) + ")" : "")}"));
    }

    /// <summary>Canonical names among the most-mentioned people whose first word is no name: a title, label, function word or a word the corpus writes in lower case.</summary>
    public async Task WritePollutedNamesAsync()
    {
        var (lowerCase, capitalised) = await WordCasesAsync();
        var names = await db.Entities.AsNoTracking().Where(e => e.Type == EntityType.Person).OrderByDescending(e => e.MentionCount).Take(TopPeople)
            .Select(e => e.Name).ToListAsync();
        var polluted = names.Where(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, _, ..]
            && (PersonNames.Default.IsNonNameWord(first) || (lowerCase.GetValueOrDefault(first.ToLowerInvariant()) > capitalised.GetValueOrDefault(first) && !Gazetteer.Default.IsGivenName(first)))).ToList();
        await output.WriteLineAsync(Line($"polluted names among the {names.Count} most-mentioned people: {polluted.Count}"));
        foreach (var name in polluted)
        {
            await output.WriteLineAsync(Line($"  polluted: {name}"));
        }
    }

    /// <summary>Statements carried by several articles whose members do not share half the content words of the shorter.</summary>
    public async Task WriteImpureClustersAsync()
    {
        var members = (await db.Quotes.AsNoTracking().Where(q => q.QuoteClusterId != null)
                .Select(q => new { ClusterId = q.QuoteClusterId!.Value, q.ArticleId, q.Text }).ToListAsync())
            .GroupBy(q => q.ClusterId).Where(g => g.Select(q => q.ArticleId).Distinct().Count() > 1).ToList();
        var impure = members.Where(g => !Pure([.. g.Take(MaxMembersCompared).Select(q => QuoteClusterer.ContentWords(QuoteClusterer.Words(q.Text)))])).ToList();
        await output.WriteLineAsync(Line($"multi-article quote clusters: {members.Count}; impure (members sharing under half their content words): {impure.Count}"));
        foreach (var cluster in impure.Take(20))
        {
            await output.WriteLineAsync(Line($"  impure: {string.Join(" / ", cluster.Take(3).Select(q => q.Text.Length > 60 ? q.Text[..60] + "…" : q.Text))}"));
        }
    }

    private static bool Pure(List<HashSet<string>> contents)
    {
        for (var i = 0; i < contents.Count; i++)
        {
            for (var j = i + 1; j < contents.Count; j++)
            {
                var smaller = Math.Min(contents[i].Count, contents[j].Count);
                if (smaller > 0 && contents[i].Count(contents[j].Contains) * 2 < smaller)
                {
                    return false;
                }
            }
        }

        return true;
    }

    // How often the corpus writes each word in lower case, and capitalised inside a sentence: a word written mostly in lower
    // case ("crooked", "unlike") is an ordinary word when it starts a name, one written mostly with a capital ("Rush") is a name.
    private async Task<(Dictionary<string, int> Lower, Dictionary<string, int> Capitalised)> WordCasesAsync()
    {
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var text in db.ArticleParagraphs.AsNoTracking().Select(p => p.Text).AsAsyncEnumerable())
        {
            var words = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < words.Length; i++)
            {
                var word = words[i].Trim(',', '.', ';', ':', '"', '(', ')', '“', '”', '‘', '’', '\'');
                if (word.Length > 2 && !words[i - 1].EndsWith('.') && word.All(char.IsLetter))
                {
                    var counts = char.IsUpper(word[0]) && word[1..].All(char.IsLower) ? capitalised : word.All(char.IsLower) ? lower : null;
                    if (counts is not null)
                    {
                        counts[word] = counts.GetValueOrDefault(word) + 1;
                    }
                }
            }
        }

        return (lower, capitalised);
    }

    /// <summary>"donald trump" for "Donald J. Trump" and "DONALD TRUMP"; null for a name of one word.</summary>
    internal static string? FullName(string text)
    {
        var tokens = EntityResolver.NameTokens(text);
        var words = tokens.Where((t, i) => t.Length > 1 || i == tokens.Count - 1).ToList();
        return words.Count >= 2 ? string.Join(' ', words) : null;
    }
}
