using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Tests.Ingestion;

/// <summary>Reading a file within the size limit: every byte, exactly up to the limit, and nothing over it.</summary>
public sealed class InputFilesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newscorpus-input-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_file_at_the_limit_is_read_whole_and_one_byte_more_is_refused()
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        var path = Path.Combine(_folder.FullName, "article.txt");
        File.WriteAllBytes(path, bytes);

        var (read, problem) = InputFiles.Read(path, bytes.Length);
        Assert.Null(problem);
        Assert.Equal(bytes, read);

        var (tooLarge, why) = InputFiles.Read(path, bytes.Length - 1);
        Assert.Null(tooLarge);
        Assert.Contains("over the", why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_reads_as_no_bytes()
    {
        var path = Path.Combine(_folder.FullName, "empty.txt");
        File.WriteAllBytes(path, []);

        var (read, problem) = InputFiles.Read(path, 1000);
        Assert.Null(problem);
        Assert.Empty(read!);
    }
}
