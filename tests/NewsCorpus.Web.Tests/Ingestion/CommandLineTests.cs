using System.Net.Http.Json;
using System.Text.Json;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Ingestion;

/// <summary>The ingest verb as a user runs it: a summary on standard output and an exit code.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TestCorpusFactory _factory = new();
    private readonly ArticleFiles _files = new();

    public void Dispose()
    {
        _factory.Dispose();
        _files.Dispose();
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error, _factory.Settings);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Ingest_prints_a_summary_and_exits_0_when_every_file_went_in()
    {
        _files.Write("a.txt", ArticleFiles.Story("Council passes budget", "budget"));
        _files.Write("nested/deeper/b.txt", ArticleFiles.Story("Mayor resigns", "resignation"));
        var (exit, output, _) = await RunAsync("ingest", _files.Folder);
        Assert.Equal(0, exit);
        Assert.Matches(@"added\s+2", output);
        Assert.Matches(@"failed\s+0", output);

        var (again, second, _) = await RunAsync("ingest", _files.Folder);
        Assert.Equal(0, again);
        Assert.Matches(@"unchanged\s+2", second);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_gets_one_clear_line_and_exit_2()
    {
        _files.Write("a.txt", ArticleFiles.Story("Council passes budget", "budget"));
        // SQLite: a file in a folder that does not exist, not to be created; PostgreSQL: a database the server does not have.
        var missing = TestDatabase.IsPostgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.ServerVariable)) { Database = "newscorpus_missing_" + Guid.NewGuid().ToString("N") }.ConnectionString
            : $"Data Source={Path.Combine(_files.Folder, "no-such-folder", "corpus.db")};Mode=ReadWrite";
        var settings = new Dictionary<string, string?>(_factory.Settings) { ["ConnectionStrings:NewsCorpus"] = missing };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["ingest", _files.Folder], output, error, settings);
        Assert.Equal(2, exit);
        Assert.StartsWith("ingest: the database cannot be used:", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_lists_failed_files_with_reasons_and_exits_1()
    {
        _files.Write("good.txt", ArticleFiles.Story("Council passes budget", "budget"));
        var empty = _files.Write("empty.txt", "");
        var (exit, output, _) = await RunAsync("ingest", _files.Folder);
        Assert.Equal(1, exit);
        Assert.Matches(@"added\s+1", output);
        Assert.Matches(@"failed\s+1", output);
        Assert.Contains($"{empty}: the file is empty", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_json_summary_is_machine_readable()
    {
        _files.Write("good.txt", ArticleFiles.Story("Council passes budget", "budget"));
        var (exit, output, _) = await RunAsync("ingest", "--json", _files.Folder);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Ingest_without_paths_is_a_usage_error()
    {
        var (exit, _, error) = await RunAsync("ingest");
        Assert.NotEqual(0, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Ingest_works_while_the_web_app_serves_the_same_database()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < 40; i++)
        {
            _files.Write($"many/{i:D2}.txt", ArticleFiles.Story($"Story {i} about the harbour", $"harbour plan {i}"));
        }

        var ingest = RunAsync("ingest", Path.Combine(_files.Folder, "many"));
        var readers = Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!ingest.IsCompleted)
            {
                using var response = await client.GetAsync("/api/articles?pageSize=5");
                response.EnsureSuccessStatusCode();
            }
        });
        await Task.WhenAll(readers);
        var (exit, output, error) = await ingest;
        Assert.True(exit == 0, output + error);
        Assert.Matches(@"added\s+40", output);
        Assert.Contains("ingest: 40/40 files (100%)", error, StringComparison.Ordinal);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/articles");
        Assert.Equal(45, page.GetProperty("total").GetInt32());
    }
}
