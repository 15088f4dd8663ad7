using System.Globalization;
using System.Text;
using NewsCorpus.Analysis;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// eval-entities: scores entity recognition on CoNLL-style files (token, space, IOB tag; blank line between
/// sentences; -DOCSTART- between documents). Exact span and type; PERSON, ORGANIZATION and LOCATION,
/// MISC left out; per type and micro-averaged.
/// </summary>
public static class EvaluateEntitiesCommand
{
    private static readonly string[] s_types = ["PER", "ORG", "LOC"];

    public static async Task<int> RunAsync(string path, TextWriter output, TextWriter error)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".conll", StringComparison.Ordinal)).ToList()
            : File.Exists(path) ? [path] : [];
        if (files.Count == 0)
        {
            await error.WriteLineAsync($"eval-entities: no CoNLL files at {path}");
            return 2;
        }

        var counts = s_types.ToDictionary(t => t, _ => (Predicted: 0, Gold: 0, Correct: 0));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            foreach (var document in ReadDocuments(await File.ReadAllLinesAsync(file)))
            {
                Score(document, counts);
            }
        }

        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync("| type | predicted | gold | correct | precision | recall | F1 |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var micro = (Predicted: 0, Gold: 0, Correct: 0);
        foreach (var type in s_types)
        {
            var c = counts[type];
            micro = (micro.Predicted + c.Predicted, micro.Gold + c.Gold, micro.Correct + c.Correct);
            await output.WriteLineAsync(Row(inv, type, c));
        }

        await output.WriteLineAsync(Row(inv, "micro", micro));
        return 0;
    }

    private static string Row(CultureInfo inv, string name, (int Predicted, int Gold, int Correct) c)
    {
        var precision = c.Predicted == 0 ? 0 : (double)c.Correct / c.Predicted;
        var recall = c.Gold == 0 ? 0 : (double)c.Correct / c.Gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return string.Create(inv, $"| {name} | {c.Predicted} | {c.Gold} | {c.Correct} | {precision:0.000} | {recall:0.000} | {f1:0.000} |");
    }

    private sealed record Document(List<List<(string Token, string Tag)>> Sentences);

    private static IEnumerable<Document> ReadDocuments(string[] lines)
    {
        var sentences = new List<List<(string, string)>>();
        var sentence = new List<(string, string)>();
        foreach (var line in lines)
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (sentence.Count > 0)
                {
                    sentences.Add(sentence);
                    sentence = [];
                }

                if (sentences.Count > 0)
                {
                    yield return new Document(sentences);
                    sentences = [];
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                if (sentence.Count > 0)
                {
                    sentences.Add(sentence);
                    sentence = [];
                }

                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space > 0)
            {
                sentence.Add((line[..space], line[(space + 1)..]));
            }
        }

        if (sentence.Count > 0)
        {
            sentences.Add(sentence);
        }

        if (sentences.Count > 0)
        {
            yield return new Document(sentences);
        }
    }

    // The document is rebuilt as text, one sentence per line, tokens joined by spaces; spans are compared by characters.
    private static void Score(Document document, Dictionary<string, (int Predicted, int Gold, int Correct)> counts)
    {
        var text = new StringBuilder();
        var gold = new HashSet<(int, int, string)>();
        foreach (var sentence in document.Sentences)
        {
            (int Start, string Type)? open = null;
            var lastEnd = 0;
            for (var i = 0; i < sentence.Count; i++)
            {
                var (token, tag) = sentence[i];
                if (i > 0)
                {
                    text.Append(' ');
                }

                var start = text.Length;
                text.Append(token);
                var type = tag.Length > 2 ? tag[2..] : null;
                var begins = tag.StartsWith("B-", StringComparison.Ordinal) || (type is not null && open?.Type != type);
                if (open is { } o && (type is null || begins))
                {
                    gold.Add((o.Start, lastEnd, o.Type));
                    open = null;
                }

                if (type is not null && open is null)
                {
                    open = (start, type);
                }

                lastEnd = text.Length;
            }

            if (open is { } last)
            {
                gold.Add((last.Start, lastEnd, last.Type));
            }

            text.Append('\n');
        }

        var analysis = TextAnalyzer.Analyze(text.ToString());
        var predicted = analysis.Mentions
            .Where(m => m.Type != EntityType.Group)
            .Select(m => (m.Start, m.End, m.Type switch { EntityType.Person => "PER", EntityType.Organization => "ORG", _ => "LOC" }))
            .ToHashSet();
        foreach (var type in s_types)
        {
            var p = predicted.Where(x => x.Item3 == type).ToHashSet();
            var g = gold.Where(x => x.Item3 == type).ToHashSet();
            var c = counts[type];
            counts[type] = (c.Predicted + p.Count, c.Gold + g.Count, c.Correct + p.Intersect(g).Count());
        }
    }
}
