namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// Trains the tagger as an averaged structured perceptron (Collins 2002): each training sentence is decoded with the
/// current weights and, where the best sequence differs from the gold one, the gold features are rewarded and the
/// predicted ones penalised; the model keeps the average of the weights over every step, which generalises far better
/// than the last. Deterministic: a fixed seed orders the sentences. Buckets seen only once in training are pruned.
/// </summary>
public sealed class PerceptronTrainer(NerFeatures features, int bucketBits, int seed = 17)
{
    private const int MinCount = 2;

    public NerModel Train(IReadOnlyList<TaggedSentence> train, int epochs, Action<int, NerModel>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var tags = TagSet.Count;
        var size = (1 << bucketBits) * tags;
        var weights = new float[size];
        var totals = new double[size];   // the running sum of c × update, for the average
        var transitions = new float[(tags + 1) * tags];
        var transitionTotals = new double[transitions.Length];
        var counts = new int[1 << bucketBits];
        var extracted = train.Select(s => features.Extract(s.Words, s.Rules)).ToList();
        foreach (var bucket in extracted.SelectMany(s => s).SelectMany(w => w))
        {
            counts[bucket]++;
        }

        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        long step = 1;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var s in order)
            {
                var predicted = NerModel.Decode(extracted[s], weights, transitions);
                var gold = train[s].Tags;
                if (!predicted.AsSpan().SequenceEqual(gold))
                {
                    Update(extracted[s], gold, +1, step, weights, totals, transitions, transitionTotals);
                    Update(extracted[s], predicted, -1, step, weights, totals, transitions, transitionTotals);
                }

                step++;
            }

            afterEpoch?.Invoke(epoch, Average(weights, totals, transitions, transitionTotals, step, counts));
        }

        return Average(weights, totals, transitions, transitionTotals, step, counts);
    }

    private static void Update(int[][] sentence, int[] sequence, int sign, long step, float[] weights, double[] totals, float[] transitions, double[] transitionTotals)
    {
        var tags = TagSet.Count;
        for (var i = 0; i < sentence.Length; i++)
        {
            foreach (var f in sentence[i])
            {
                var index = (f * tags) + sequence[i];
                weights[index] += sign;
                totals[index] += sign * step;
            }

            var transition = NerModel.TransitionIndex(i == 0 ? -1 : sequence[i - 1], sequence[i]);
            transitions[transition] += sign;
            transitionTotals[transition] += sign * step;
        }
    }

    // Averaged weights: w − (Σ c·Δ) / c; pruned where the bucket was seen fewer than MinCount times.
    private NerModel Average(float[] weights, double[] totals, float[] transitions, double[] transitionTotals, long step, int[] counts)
    {
        var tags = TagSet.Count;
        var averaged = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            if (counts[i / tags] >= MinCount)
            {
                averaged[i] = (float)(weights[i] - (totals[i] / step));
            }
        }

        var averagedTransitions = transitions.Select((w, i) => (float)(w - (transitionTotals[i] / step))).ToArray();
        return new NerModel(bucketBits, averaged, averagedTransitions);
    }
}
