using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsCorpus.Web;
using NewsCorpus.Web.Compare;

namespace NewsCorpus.Benchmarks;

internal static class Repository
{
    /// <summary>A path relative to the repository root (the folder holding NewsCorpus.sln).</summary>
    public static string Find(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsCorpus.sln")))
            {
                return Path.Combine(folder.FullName, relative);
            }
        }

        return relative;
    }
}

internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $", {cpu}")}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}

/// <summary>Keeps one section per benchmark in a markdown file, replacing it on every run.</summary>
internal static class MarkdownReport
{
    public static void Replace(string path, string section, string content)
    {
        var begin = $"<!-- {section}:begin -->";
        var end = $"<!-- {section}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nEach section is written by the command it names; medians, on the machine named.\n";
        var block = $"{begin}\n{content}\n{end}";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from ? text[..from] + block + text[(to + end.Length)..] : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }
}

internal static class Latency
{
    /// <summary>The value below which a share <paramref name="p"/> of the measurements fall (nearest rank).</summary>
    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static readonly string[] s_queryTableHeader = ["| query | text | matches | median ms | p95 ms |", "| --- | --- | ---: | ---: | ---: |"];

    /// <summary>A table of queries (one row each, already formatted) closed by a row over all their timings.</summary>
    public static IEnumerable<string> QueryTable(IEnumerable<string> rows, List<double> all) =>
        s_queryTableHeader.Concat(rows)
            .Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"| all | | | {Percentile(all, 0.5):0.0} | {Percentile(all, 0.95):0.0} |"));
}

internal static class AppServices
{
    /// <summary>
    /// The settings that point the app at a benchmark database: an SQLite file path, or a PostgreSQL connection
    /// string (anything with "Host=").
    /// </summary>
    public static Dictionary<string, string?> DatabaseSettings(string database) =>
        IsPostgres(database)
            ? new() { ["Database:Provider"] = "Postgres", ["ConnectionStrings:NewsCorpus"] = database }
            : new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:NewsCorpus"] = $"Data Source={database}" };

    public static bool IsPostgres(string database) => database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Each provider's results go in a section of their own.</summary>
    public static string Section(string verb, string database) => IsPostgres(database) ? verb + "-postgres" : verb;

    /// <summary>Named in each report's heading.</summary>
    public static string ProviderName(string database) => IsPostgres(database) ? "PostgreSQL" : "SQLite";

    /// <summary>The app on Kestrel over a benchmark database (no seeding, warnings only), for timing over real HTTP.</summary>
    public static WebApplicationFactory<CompareService> Server(string database)
    {
        var factory = new WebApplicationFactory<CompareService>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in DatabaseSettings(database))
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Corpus:SeedOnStart", "false");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>The loopback address the server listens on.</summary>
    public static string Address(WebApplicationFactory<CompareService> factory) =>
        factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

    /// <summary>The app's services over one benchmark database, without the web host, logging warnings only.</summary>
    public static ServiceProvider For(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(DatabaseSettings(database)).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddNewsCorpus(configuration)
            .BuildServiceProvider();
    }
}
