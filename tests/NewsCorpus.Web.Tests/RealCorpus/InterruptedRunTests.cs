using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.RealCorpus;

/// <summary>Runs that stop half-way (kill -9, power loss) leave corpus work that the next run completes.</summary>
public sealed class InterruptedRunTests : IDisposable
{
    private const int Files = 1500;

    private readonly CorpusSession _session = new();

    public void Dispose() => _session.Dispose();

    private Task<T> QueryAsync<T>(Func<NewsCorpusDbContext, Task<T>> query) => _session.QueryAsync(query);

    private async Task<(int Exit, string Output)> IngestAsync(string folder)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["ingest", folder], output, error, _session.Factory.Settings);
        return (exit, output.ToString());
    }

    private string WriteCorpus()
    {
        var towns = new[] { "Harlow", "Brenton", "Oakfield", "Marston", "Dunmore", "Fairholm" };
        for (var i = 0; i < Files; i++)
        {
            var town = towns[i % towns.Length];
            _session.Files.Write($"corpus/{i:D5}.txt",
                $"{town} council vote number {i}\n\nMayor Ingrid Solberg said on Tuesday that the {town} council had approved plan {i} for the harbour.\n\n" +
                $"“We will rebuild the harbour of {town} within two years,” Solberg said.\n\nThe vote in {town} was the {i}th of the session.\n");
        }

        return Path.Combine(_session.Files.Folder, "corpus");
    }

    [Fact]
    public async Task A_killed_ingest_is_completed_by_the_next_run()
    {
        var folder = WriteCorpus();
        var killedAt = await KillPartWayAsync(folder);
        Assert.InRange(killedAt, 1, Files - 1);

        var stored = await QueryAsync(db => db.Articles.CountAsync(a => a.SourcePath.StartsWith(folder)));
        var interrupted = await QueryAsync(db => db.IngestionRuns.OrderByDescending(r => r.Id).FirstAsync());
        Assert.Null(interrupted.FinishedAt);
        Assert.True(interrupted.CorpusPending);
        Assert.Equal(stored, interrupted.Added);

        var (exit, output) = await IngestAsync(folder);
        Assert.Equal(0, exit);
        Assert.Matches($@"unchanged\s+{stored}\b", output);
        Assert.Equal(Files, await QueryAsync(db => db.Articles.CountAsync(a => a.SourcePath.StartsWith(folder))));
        await AssertCorpusCompleteAsync();
        Assert.False(await QueryAsync(db => db.IngestionRuns.Where(r => r.Id == interrupted.Id).Select(r => r.CorpusPending).SingleAsync()));
    }

    [Fact]
    public async Task A_run_stopped_after_its_files_has_its_corpus_passes_done_by_a_run_that_adds_nothing()
    {
        var folder = WriteCorpus();
        Assert.Equal(0, (await IngestAsync(folder)).Exit);

        await QueryAsync(async db =>
        {
            await ForgetCorpusPassesAsync(db);
            return await db.IngestionRuns.OrderByDescending(r => r.Id).Take(1)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CorpusPending, true).SetProperty(r => r.FinishedAt, (DateTime?)null));
        });

        var (exit, output) = await IngestAsync(folder);
        Assert.Equal(0, exit);
        Assert.Matches($@"unchanged\s+{Files}\b", output);
        await AssertCorpusCompleteAsync();

        var page = await _session.Factory.CreateClient().GetPageAsync("/Ingestion");
        Assert.Contains(page.QuerySelectorAll("td[data-label=Status]"), cell => cell.TextContent.Contains("running", StringComparison.Ordinal) || cell.TextContent.Contains("interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_app_started_after_an_interrupted_run_answers_at_once_and_completes_it_in_the_background()
    {
        var folder = WriteCorpus();
        Assert.Equal(0, (await IngestAsync(folder)).Exit);
        await QueryAsync(async db =>
        {
            await ForgetCorpusPassesAsync(db);
            return await db.IngestionRuns.OrderByDescending(r => r.Id).Take(1).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.CorpusPending, true).SetProperty(r => r.FinishedAt, (DateTime?)null)
                .SetProperty(r => r.HeartbeatAt, DateTime.UtcNow.AddHours(-1)));
        });

        using var restarted = TestCorpusFactory.SharingDatabaseOf(_session.Factory);
        using var client = restarted.CreateClient();
        var health = await client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);

        var page = await client.GetPageAsync("/Ingestion");
        Assert.Contains(page.QuerySelectorAll("td[data-label=Status]"), cell => cell.TextContent.StartsWith("interrupted", StringComparison.Ordinal));

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await QueryAsync(db => db.IngestionRuns.AnyAsync(r => r.CorpusPending)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        await AssertCorpusCompleteAsync();
    }

    // The state a kill between the file stage and the corpus passes leaves: stored articles, nothing resolved or grouped.
    private static async Task ForgetCorpusPassesAsync(NewsCorpusDbContext db)
    {
        await db.Quotes.ExecuteUpdateAsync(s => s.SetProperty(q => q.SpeakerEntityId, (int?)null).SetProperty(q => q.QuoteClusterId, (int?)null));
        await db.EntityMentions.ExecuteUpdateAsync(s => s.SetProperty(m => m.EntityId, (int?)null));
        await db.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, (int?)null).SetProperty(a => a.Resolved, false));
        await db.Stories.ExecuteDeleteAsync();
        await db.QuoteClusters.ExecuteDeleteAsync();
        await db.Entities.ExecuteDeleteAsync();
    }

    private async Task AssertCorpusCompleteAsync()
    {
        Assert.Equal(0, await QueryAsync(db => db.Articles.CountAsync(a => a.StoryId == null)));
        Assert.Equal(0, await QueryAsync(db => db.IngestionRuns.CountAsync(r => r.CorpusPending)));
        var solberg = await QueryAsync(db => db.Entities.SingleAsync(e => e.Name == "Ingrid Solberg"));
        Assert.Equal(Files, solberg.ArticleCount);
        Assert.Equal(Files, await QueryAsync(db => db.Quotes.CountAsync(q => q.SpeakerEntityId == solberg.Id)));
    }

    /// <summary>Starts a real ingest process, kills it (SIGKILL) once it has stored part of the files, and returns how many it had reached.</summary>
    private async Task<int> KillPartWayAsync(string folder)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsCorpus.Web.dll"), "ingest", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _session.Factory.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var reached = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ingest: ", StringComparison.Ordinal) && int.TryParse(line.Split(' ', '/')[1], out var done) && done >= Files / 3)
            {
                reached = done;
                break;
            }
        }

        Assert.False(process.HasExited, "the ingest finished before it could be killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        return reached;
    }
}
