using System.Reflection;

namespace NewsCorpus.Analysis;

/// <summary>Reads the word lists embedded from Resources/: non-empty lines, '#' starts a comment line.</summary>
internal static class WordLists
{
    public static List<string> Lines(string resource)
    {
        var assembly = typeof(WordLists).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream($"NewsCorpus.Analysis.Resources.{resource}")
            ?? throw new InvalidOperationException($"missing resource {resource}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
