using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsCorpus.Web.Tests.Support;

/// <summary>
/// The real app over a real database (an SQLite file in a fresh temporary folder, or a fresh PostgreSQL database:
/// <see cref="TestDatabase"/>), seeded from a copy of the repository's seeds/ on first start, exactly as a user's first run.
/// </summary>
public sealed class TestCorpusFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;

    public TestCorpusFactory()
        : this(null)
    {
    }

    private TestCorpusFactory(TestCorpusFactory? sharedWith, string? indexPath = null)
    {
        Root = Directory.CreateTempSubdirectory("newscorpus-test-").FullName;
        SeedPath = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(SeedPath);
        foreach (var seed in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt"))
        {
            File.Copy(seed, Path.Combine(SeedPath, Path.GetFileName(seed)));
        }

        IndexPath = indexPath ?? Path.Combine(Root, "index");
        _ownsDatabase = sharedWith is null;
        Database = sharedWith?.Database ?? new TestDatabase(Root);
    }

    public TestDatabase Database { get; }

    /// <summary>
    /// A second app instance on <paramref name="other"/>'s database (which that one drops when disposed), with its own
    /// search index unless <paramref name="indexPath"/> names one.
    /// </summary>
    public static TestCorpusFactory SharingDatabaseOf(TestCorpusFactory other, string? indexPath = null) => new(other, indexPath);

    /// <summary>This instance's search index folder.</summary>
    public string IndexPath { get; }

    public string Root { get; }

    public string SeedPath { get; }

    /// <summary>The same settings the app runs with, for the command-line verbs in tests.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Database.Provider,
        ["ConnectionStrings:NewsCorpus"] = Database.ConnectionString,
        ["Corpus:SeedPath"] = SeedPath,
        ["Ingestion:MaxFileBytes"] = "100000",
        // Each instance its own search index, as on separate machines.
        ["Search:IndexPath"] = IndexPath,
        ["Ingestion:UploadPath"] = Path.Combine(Root, "uploads"),
        // Tests sign in and change things faster than people do; the limits have tests of their own.
        ["Auth:LoginAttemptsPerMinute"] = "10000",
        ["Auth:ChangesPerMinute"] = "10000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownsDatabase)
        {
            Database.Dispose();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS later.
        }
    }
}
