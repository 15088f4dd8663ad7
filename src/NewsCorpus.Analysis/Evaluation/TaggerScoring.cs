using NewsCorpus.Analysis.Entities.Tagging;

namespace NewsCorpus.Analysis.Evaluation;

/// <summary>Exact-span, exact-type scores of tag sequences against gold ones, per type (PER, ORG, LOC) and micro-averaged.</summary>
public static class TaggerScoring
{
    public static Dictionary<string, EntityCounts> Score(IEnumerable<(int[] Gold, int[] Predicted)> sentences)
    {
        var counts = EntityScoring.Types.ToDictionary(t => t, _ => default(EntityCounts));
        foreach (var (gold, predicted) in sentences)
        {
            var goldSpans = TaggedSentence.Spans(gold).Where(s => counts.ContainsKey(s.Type)).ToHashSet();
            var predictedSpans = TaggedSentence.Spans(predicted).Where(s => counts.ContainsKey(s.Type)).ToList();
            foreach (var type in EntityScoring.Types)
            {
                var g = goldSpans.Count(s => s.Type == type);
                var p = predictedSpans.Count(s => s.Type == type);
                var c = predictedSpans.Count(s => s.Type == type && goldSpans.Contains(s));
                counts[type] += new EntityCounts(p, g, c);
            }
        }

        return counts;
    }
}
