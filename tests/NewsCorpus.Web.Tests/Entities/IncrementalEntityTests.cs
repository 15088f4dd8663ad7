using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Entities;

/// <summary>
/// Articles added run by run are resolved against the stored name index, not by re-reading the corpus; what a user
/// sees (the entities, their names, aliases and counts) must be what resolving the whole corpus at once gives.
/// </summary>
public sealed class IncrementalEntityTests : IDisposable
{
    private readonly CorpusSession _session = new();

    public void Dispose() => _session.Dispose();

    private string Article(string path, string outlet, string text)
    {
        _session.Files.Write(path + ".meta.json", $$"""{ "outlet": "{{outlet}}", "date": "2024-03-0{{path.Length % 9 + 1}}" }""");
        return _session.Files.Write(path, text);
    }

    [Fact]
    public async Task Entities_and_statements_built_run_by_run_match_a_resolution_of_the_whole_corpus()
    {
        await _session.IngestAsync(Article("r1/a.txt", "Harbour Gazette",
            "Ferry strike ends\n\nTransport Minister Ingrid Solberg said the ferry strike was over. \"We reached a fair deal,\" Solberg said.\n\nThe Norwegian Seafarers Union agreed.\n"));
        await _session.IngestAsync(
            Article("r2/b.txt", "Coast Daily", "Union backs deal\n\nThe Norwegian Seafarers' Union said Ms Solberg kept her word. \"We reached a fair deal,\" she said in Bergen.\n"),
            Article("r2/c.txt", "Coast Daily", "Minister visits Bergen\n\nIngrid Solberg visited Bergen on Monday with Erik Haugen of the NSU.\n\nHaugen said talks would go on.\n"));
        await _session.IngestAsync(Article("r3/d.txt", "Harbour Gazette",
            "Union backs deal on fares\n\nThe Norwegian Seafarers Union backed the deal. \"We reached a fair deal, and fares must follow,\" Solberg said. Erik Haugen said the union would accept it.\n"));

        // A changed file: its old mentions leave the counts, its new ones come in.
        await _session.IngestAsync(Article("r1/a.txt", "Harbour Gazette",
            "Ferry strike ends\n\nTransport Minister Ingrid Solberg said the ferry strike was over. Kari Nilsen of the union welcomed it.\n"));

        var runByRun = await EntitiesAsync();
        var statements = await StatementsAsync();
        Assert.Contains(statements, s => s.StartsWith("We reached a fair deal, and fares must follow,|2|Ingrid Solberg", StringComparison.Ordinal));
        Assert.Contains(runByRun, e => e.StartsWith("Person|Ingrid Solberg|", StringComparison.Ordinal));
        Assert.True(await _session.QueryAsync(db => db.EntityKeys.AnyAsync()));
        Assert.Equal(0, await _session.QueryAsync(db => db.Articles.CountAsync(a => !a.Resolved)));

        await using (var scope = _session.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IngestionService>().ReanalyzeAsync();
        }

        Assert.Equal(await EntitiesAsync(), runByRun);
        Assert.Equal(await StatementsAsync(), statements);
    }

    /// <summary>Every shared statement: its text, how many articles carry it, its speaker.</summary>
    private Task<List<string>> StatementsAsync() => _session.QueryAsync(async db =>
        (await db.QuoteClusters.AsNoTracking().Select(c => new { c.Text, c.QuoteCount, Speaker = db.Entities.Where(e => e.Id == c.SpeakerEntityId).Select(e => e.Name).FirstOrDefault() }).ToListAsync())
            .Select(c => $"{c.Text}|{c.QuoteCount}|{c.Speaker}").Order(StringComparer.Ordinal).ToList());

    /// <summary>Every entity as a user sees it: type, name, counts, and its aliases with how often each is used.</summary>
    private Task<List<string>> EntitiesAsync() => _session.QueryAsync(async db =>
    {
        var entities = await db.Entities.AsNoTracking().Include(e => e.Aliases).ToListAsync();
        return entities.Select(e => string.Join('|', e.Type, e.Name, e.Roles, e.MentionCount, e.ArticleCount, e.OutletCount, e.QuoteCount,
                string.Join(", ", e.Aliases.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $"{a.Name}×{a.MentionCount}"))))
            .Order(StringComparer.Ordinal).ToList();
    });
}
