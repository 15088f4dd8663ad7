using System.Text;
using System.Text.RegularExpressions;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Analysis.Evaluation;

/// <summary>Gold entity spans of a text: (start, end, type) with type PER, ORG or LOC.</summary>
public sealed record AnnotatedText(string Text, IReadOnlySet<(int Start, int End, string Type)> Entities);

/// <summary>One disagreement with the gold annotation: what kind ("missed" or "extra"), its type, its words and its line.</summary>
public sealed record EntityError(string Kind, string Type, string Text, string Line);

/// <summary>Counts for one entity type; precision, recall and F1 from them.</summary>
public readonly record struct EntityCounts(int Predicted, int Gold, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static EntityCounts operator +(EntityCounts a, EntityCounts b) => new(a.Predicted + b.Predicted, a.Gold + b.Gold, a.Correct + b.Correct);
}

/// <summary>Exact-span, exact-type scoring of the recognizer for PERSON, ORGANIZATION and LOCATION.</summary>
public static partial class EntityScoring
{
    public static readonly string[] Types = ["PER", "ORG", "LOC"];

    [GeneratedRegex(@"\[(?<type>PER|ORG|LOC) (?<name>[^\]]+)\]")]
    private static partial Regex InlineAnnotation();

    /// <summary>Paragraphs written as "[PER Jane Doe] met [ORG NATO] in [LOC Oslo]."; lines starting with # are comments.</summary>
    public static List<AnnotatedText> ReadInline(string content)
    {
        var documents = new List<AnnotatedText>();
        foreach (var paragraph in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var lines = paragraph.Split('\n').Where(l => !l.StartsWith('#') && l.Trim().Length > 0).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            var source = string.Join('\n', lines);
            var text = new StringBuilder();
            var spans = new HashSet<(int, int, string)>();
            var last = 0;
            foreach (Match match in InlineAnnotation().Matches(source))
            {
                text.Append(source, last, match.Index - last);
                var start = text.Length;
                text.Append(match.Groups["name"].Value);
                spans.Add((start, text.Length, match.Groups["type"].Value));
                last = match.Index + match.Length;
            }

            text.Append(source, last, source.Length - last);
            documents.Add(new AnnotatedText(text.ToString(), spans));
        }

        return documents;
    }

    public static Dictionary<string, EntityCounts> Score(IEnumerable<AnnotatedText> documents)
    {
        var counts = Types.ToDictionary(t => t, _ => default(EntityCounts));
        foreach (var document in documents)
        {
            var predicted = TextAnalyzer.Analyze(document.Text).Mentions
                .Where(m => m.Type != EntityType.Group)
                .Select(m => (m.Start, m.End, TypeCode(m.Type)))
                .ToHashSet();
            foreach (var type in Types)
            {
                var p = predicted.Where(x => x.Item3 == type).ToHashSet();
                var g = document.Entities.Where(x => x.Type == type).ToHashSet();
                counts[type] += new EntityCounts(p.Count, g.Count, p.Intersect(g).Count());
            }
        }

        return counts;
    }

    /// <summary>
    /// Every disagreement with the gold spans, for reading: "missed" (gold, not predicted exactly) and "extra" (predicted,
    /// not gold), each with the type, the words and the line around them.
    /// </summary>
    public static IEnumerable<EntityError> Errors(IEnumerable<AnnotatedText> documents)
    {
        foreach (var document in documents)
        {
            var predicted = TextAnalyzer.Analyze(document.Text).Mentions
                .Where(m => m.Type != EntityType.Group)
                .Select(m => (m.Start, m.End, TypeCode(m.Type)))
                .ToHashSet();
            var gold = document.Entities.Where(e => Types.Contains(e.Type)).ToHashSet();
            foreach (var (start, end, type) in gold.Except(predicted).OrderBy(e => e.Start))
            {
                yield return new EntityError("missed", type, document.Text[start..end], LineAround(document.Text, start));
            }

            foreach (var (start, end, type) in predicted.Except(gold).OrderBy(e => e.Start))
            {
                yield return new EntityError("extra", type, document.Text[start..end], LineAround(document.Text, start));
            }
        }
    }

    private static string LineAround(string text, int position)
    {
        var from = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var to = text.IndexOf('\n', position);
        return text[from..(to < 0 ? text.Length : to)];
    }

    public static EntityCounts Micro(Dictionary<string, EntityCounts> counts) => counts.Values.Aggregate(default(EntityCounts), (a, b) => a + b);

    public static string TypeCode(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        _ => "LOC",
    };
}
