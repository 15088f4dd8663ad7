using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests;

/// <summary>The repository's seed articles, copied next to the tests; never ../shared.</summary>
internal static class SeedFiles
{
    public static string PathOf(string prefix) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), prefix + "_*.txt").Single();

    public static ParsedArticle Read(string prefix)
    {
        var decoded = TextDecoder.Decode(File.ReadAllBytes(PathOf(prefix)));
        Assert.True(decoded.Succeeded, decoded.Error);
        return PlainTextArticleReader.Read(decoded.Text!);
    }

    /// <summary>Every seed, for theories.</summary>
    public static TheoryData<string> All() => ["000", "001", "002", "003", "004"];
}
