using System.Globalization;
using System.Text;
using NewsCorpus.Analysis.Evaluation;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// eval-entities: scores entity recognition on CoNLL-style files (token, space, IOB tag; blank line between
/// sentences; -DOCSTART- between documents). Exact span and type; PERSON, ORGANIZATION and LOCATION,
/// MISC left out; per type and micro-averaged.
/// </summary>
public static class EvaluateEntitiesCommand
{
    public static async Task<int> RunAsync(string path, string? errorsPath, TextWriter output, TextWriter error, bool tagger = false)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".conll", StringComparison.Ordinal)).ToList()
            : File.Exists(path) ? [path] : [];
        if (files.Count == 0)
        {
            await error.WriteLineAsync($"eval-entities: no annotated files at {path}");
            return 2;
        }

        if (tagger)
        {
            // The trained tagger on the file's own words (no re-tokenising), the rules' reading of each document as its features.
            var sentences = files.Order(StringComparer.Ordinal).SelectMany(f => NewsCorpus.Analysis.Entities.Tagging.TaggedSentence.ReadConllWithRules(File.ReadLines(f))).ToList();
            var tagged = TaggerScoring.Score(sentences.Select(s => (s.Tags, NewsCorpus.Analysis.Entities.Tagging.NameTagger.Default.Tag(s.Words, s.Rules))));
            await WriteTableAsync(tagged, output);
            return 0;
        }

        var documents = new List<AnnotatedText>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var content = await File.ReadAllTextAsync(file);
            documents.AddRange(IsInline(content) ? EntityScoring.ReadInline(content) : ReadConll(content.Split('\n')));
        }

        await WriteTableAsync(EntityScoring.Score(documents), output);
        if (errorsPath is not null)
        {
            // Tab-separated, one disagreement a line, so that errors can be sorted and counted with the usual tools.
            await File.WriteAllLinesAsync(errorsPath, EntityScoring.Errors(documents)
                .Select(e => string.Join('\t', e.Kind, e.Type, Flat(e.Text), Flat(e.Line))));
        }
        return 0;
    }

    private static async Task WriteTableAsync(Dictionary<string, EntityCounts> counts, TextWriter output)
    {
        await output.WriteLineAsync("| type | predicted | gold | correct | precision | recall | F1 |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var type in EntityScoring.Types)
        {
            await output.WriteLineAsync(Row(type, counts[type]));
        }

        await output.WriteLineAsync(Row("micro", EntityScoring.Micro(counts)));
    }

    private static string Flat(string value) => value.Replace('\t', ' ').Replace('\n', ' ');

    private static bool IsInline(string content) =>
        content.Contains("[PER ", StringComparison.Ordinal) || content.Contains("[ORG ", StringComparison.Ordinal) || content.Contains("[LOC ", StringComparison.Ordinal);

    private static string Row(string name, EntityCounts c) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {c.Predicted} | {c.Gold} | {c.Correct} | {c.Precision:0.000} | {c.Recall:0.000} | {c.F1:0.000} |");

    // CoNLL: token first and IOB tag last on each line; blank line between sentences; -DOCSTART- between documents.
    // Each document is rebuilt as text, one sentence per line, tokens joined by spaces.
    private static IEnumerable<AnnotatedText> ReadConll(string[] lines)
    {
        var text = new StringBuilder();
        var gold = new HashSet<(int, int, string)>();
        (int Start, string Type)? open = null;
        var lastEnd = 0;
        var atLineStart = true;
        foreach (var raw in lines.Append("-DOCSTART-"))
        {
            var line = raw.TrimEnd('\r');
            var isBoundary = line.StartsWith("-DOCSTART-", StringComparison.Ordinal);
            if (isBoundary || string.IsNullOrWhiteSpace(line))
            {
                if (open is { } o)
                {
                    gold.Add((o.Start, lastEnd, o.Type));
                    open = null;
                }

                if (!atLineStart)
                {
                    text.Append('\n');
                    atLineStart = true;
                }

                if (isBoundary && text.Length > 0)
                {
                    yield return new AnnotatedText(text.ToString(), gold);
                    text.Clear();
                    gold = [];
                }

                continue;
            }

            // Word first, tag last: two columns (wikigold) or four (CoNLL-2003: word, part of speech, chunk, tag).
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                continue;
            }

            var (token, tag) = (fields[0], fields[^1]);
            if (!atLineStart)
            {
                text.Append(' ');
            }

            var start = text.Length;
            text.Append(token);
            atLineStart = false;
            var type = tag.Length > 2 ? tag[2..] : null;
            var begins = tag.StartsWith("B-", StringComparison.Ordinal) || (type is not null && open?.Type != type);
            if (open is { } current && (type is null || begins))
            {
                gold.Add((current.Start, lastEnd, current.Type));
                open = null;
            }

            if (type is not null && open is null)
            {
                open = (start, type);
            }

            lastEnd = text.Length;
        }
    }
}
