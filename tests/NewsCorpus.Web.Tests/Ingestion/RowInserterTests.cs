using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Ingestion;

/// <summary>
/// The bulk writer of article rows (on SQLite it binds values to SQLite itself): what it writes reads back through
/// EF Core as written, and a row that breaks a constraint fails alone, leaving the transaction usable.
/// </summary>
public sealed class RowInserterTests : IDisposable
{
    private readonly TestCorpusFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Rows_written_in_bulk_read_back_as_written()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        var articleId = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var at = new DateTime(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc).AddTicks(1230); // whole microseconds: PostgreSQL keeps no finer
        Quote[] quotes =
        [
            new() { ArticleId = articleId, Text = "We will not yield – ever", Partial = true, Verb = null, SpeakerText = null, Context = "Ctx", Start = 1, End = 2, Fingerprint = -17 },
            new() { ArticleId = articleId, Text = "Ünïcödé \"quoted\" text", Partial = false, Verb = "said", SpeakerText = "Ms Doe", SpeakerMentionStart = 40, Context = "", Start = 3, End = 4, Fingerprint = int.MaxValue },
        ];

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await RowInserter.InsertAsync(db, "Quotes", ["ArticleId", "Text", "Partial", "Verb", "SpeakerText", "SpeakerMentionStart", "Context", "Start", "End", "Fingerprint"], quotes,
                q => [q.ArticleId, q.Text, q.Partial, q.Verb, q.SpeakerText, q.SpeakerMentionStart, q.Context, q.Start, q.End, q.Fingerprint], CancellationToken.None);
            await RowInserter.InsertAsync(db, "IngestionRuns", ["Trigger", "Sources", "StartedAt", "FinishedAt", "Added", "Updated", "Unchanged", "Duplicate", "Failed", "CorpusPending"],
                ["bulk"], t => [t, "rows", at, null, 1, 0, 0, 0, 0, false], CancellationToken.None);
            await transaction.CommitAsync();
        }

        var read = await db.Quotes.AsNoTracking().Where(q => q.Fingerprint == -17 || q.Fingerprint == int.MaxValue).OrderBy(q => q.Start).ToListAsync();
        Assert.Equal(quotes.Select(q => (q.Text, q.Partial, q.Verb, q.SpeakerText, q.SpeakerMentionStart, q.Start, q.Fingerprint)),
            read.Select(q => (q.Text, q.Partial, q.Verb, q.SpeakerText, q.SpeakerMentionStart, q.Start, q.Fingerprint)));
        var run = await db.IngestionRuns.AsNoTracking().SingleAsync(r => r.Trigger == "bulk");
        Assert.Equal((at.Ticks, (DateTime?)null, 1, false), (run.StartedAt.Ticks, run.FinishedAt, run.Added, run.CorpusPending));
    }

    [Fact]
    public async Task A_row_that_breaks_a_constraint_fails_and_the_transaction_goes_on()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        var articleId = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var before = await db.ArticleParagraphs.CountAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await transaction.CreateSavepointAsync("rows");
            var broken = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => RowInserter.InsertAsync(db, "ArticleParagraphs", ["ArticleId", "Ordinal", "Text"],
                [(articleId, "kept"), (articleId, (string?)null)], p => [p.Item1, 90, p.Item2], CancellationToken.None));
            Assert.Matches("(?i)not[ -]null", broken.Message);
            await transaction.RollbackToSavepointAsync("rows");
            await RowInserter.InsertAsync(db, "ArticleParagraphs", ["ArticleId", "Ordinal", "Text"], [articleId], id => [id, 91, "written after the failure"], CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal(before + 1, await db.ArticleParagraphs.CountAsync());
        Assert.True(await db.ArticleParagraphs.AnyAsync(p => p.Ordinal == 91 && p.Text == "written after the failure"));
    }
}
