using System.Diagnostics;
using System.Globalization;
using NewsCorpus.Analysis.Entities.Tagging;
using NewsCorpus.Analysis.Evaluation;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// train-ner: trains the name tagger on CoNLL-2003-style data (eng.train) and prints precision, recall and F1 per type
/// on the development file (eng.testa) after each epoch, then writes the compact model. Deterministic for a given seed.
/// </summary>
public static class TrainNerCommand
{
    public const int BucketBits = 17;

    public static async Task<int> RunAsync(string train, string dev, string output, int epochs, TextWriter console, TextWriter error)
    {
        if (!File.Exists(train) || !File.Exists(dev))
        {
            await error.WriteLineAsync("train-ner: the training and development files must exist (CoNLL columns, word first, IOB tag last)");
            return 2;
        }

        var trainSentences = TaggedSentence.ReadConllWithRules(await File.ReadAllLinesAsync(train));
        var devSentences = TaggedSentence.ReadConllWithRules(await File.ReadAllLinesAsync(dev));
        var features = NerFeatures.Default(BucketBits);
        var devFeatures = devSentences.Select(s => features.Extract(s.Words, s.Rules)).ToList();
        await console.WriteLineAsync(Line($"train-ner: {trainSentences.Count} training sentences, {devSentences.Count} development sentences, {1 << BucketBits} feature buckets"));
        var watch = Stopwatch.StartNew();
        var model = new PerceptronTrainer(features, BucketBits).Train(trainSentences, epochs, (epoch, averaged) =>
        {
            var counts = TaggerScoring.Score(devSentences.Select((s, i) => (s.Tags, averaged.Decode(devFeatures[i]))));
            var scores = string.Join("  ", counts.Select(c => Line($"{c.Key} {c.Value.Precision:0.000}/{c.Value.Recall:0.000}/{c.Value.F1:0.000}")));
            console.WriteLine(Line($"epoch {epoch} ({watch.Elapsed.TotalSeconds:0} s): {scores}  micro F1 {EntityScoring.Micro(counts).F1:0.000}"));
        });

        await using (var file = File.Create(output))
        {
            model.Save(file);
        }

        await console.WriteLineAsync(Line($"train-ner: wrote {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:0.0} MB)"));

        // The stored model (weights in half precision, pruned) scored again, so the figure reported is the one that ships.
        NerModel stored;
        await using (var file = File.OpenRead(output))
        {
            stored = NerModel.Load(file);
        }

        var final = TaggerScoring.Score(devSentences.Select((s, i) => (s.Tags, stored.Decode(devFeatures[i]))));
        await console.WriteLineAsync(Line($"stored model on {Path.GetFileName(dev)}: micro F1 {EntityScoring.Micro(final).F1:0.000} ({string.Join(", ", final.Select(c => Line($"{c.Key} {c.Value.F1:0.000}")))})"));
        return 0;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
