namespace NewsCorpus.Web.Tests.Support;

/// <summary>Small article files written for tests, in a folder that is deleted afterwards.</summary>
public sealed class ArticleFiles : IDisposable
{
    public ArticleFiles() => Folder = Directory.CreateTempSubdirectory("newscorpus-files-").FullName;

    public string Folder { get; }

    public static string Story(string headline, string subject) =>
        $"{headline}\n\n" +
        $"The {subject} was approved on Tuesday after a long debate that ran late into the night in the capital.\n\n" +
        $"Officials said the {subject} would take effect next month and affect thousands of residents.\n\n" +
        $"Critics said the {subject} had been rushed and promised to challenge it in court.\n";

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
