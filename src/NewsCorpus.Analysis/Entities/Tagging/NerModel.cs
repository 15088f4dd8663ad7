using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// The trained weights: one per (feature bucket, tag) and one per tag transition, and the Viterbi decoder over them.
/// Stored compactly: only non-zero weights, their positions delta-encoded as variable-length integers, gzip over all.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "NCNER1";

    // Each bucket's weights as 16-bit integers padded to 16 (32 bytes, aligned, so a row never straddles two cache lines):
    // a feature costs one memory read and a widening add, and the table is a quarter of the floats' size.
    private const int Stride = 16;

    private readonly short[] _rows;
    private readonly int _rowsStart;
    private readonly float _unit;
    private readonly float[] _steps;

    public NerModel(int bucketBits, float[] emissions, float[] transitions)
    {
        ArgumentNullException.ThrowIfNull(emissions);
        ArgumentNullException.ThrowIfNull(transitions);
        BucketBits = bucketBits;
        Emissions = emissions;
        Transitions = transitions;
        (_rows, _rowsStart, _unit) = Quantize(bucketBits, emissions);
        _steps = Steps(transitions);
    }

    // Pinned, so the start computed for 32-byte alignment stays aligned; one unit is the largest weight / 32,000.
    private static (short[] Rows, int Start, float Unit) Quantize(int bucketBits, float[] emissions)
    {
        var largest = 0f;
        foreach (var weight in emissions)
        {
            largest = Math.Max(largest, Math.Abs(weight));
        }

        var unit = largest == 0 ? 1f : largest / 32_000f;
        var rows = GC.AllocateArray<short>(((1 << bucketBits) * Stride) + Stride, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(rows, 0);
        var start = (int)((32 - (address % 32)) % 32 / sizeof(short));
        for (var i = 0; i < emissions.Length; i++)
        {
            rows[start + (i / TagSet.Count * Stride) + (i % TagSet.Count)] = (short)Math.Round(emissions[i] / unit);
        }

        return (rows, start, unit);
    }

    public int BucketBits { get; }

    /// <summary>Weight of feature bucket b for tag t at [b * TagSet.Count + t].</summary>
    public float[] Emissions { get; }

    /// <summary>Weight of tag t after tag p at [(p + 1) * TagSet.Count + t]; p = -1 is the sentence start.</summary>
    public float[] Transitions { get; }

    public static int TransitionIndex(int previous, int next) => ((previous + 1) * TagSet.Count) + next;

    /// <summary>The best tag sequence for a sentence's features (BIO transitions only).</summary>
    public int[] Decode(int[][] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Length;
        var tags = TagSet.Count;
        var score = new float[n * tags];
        var back = new byte[n * tags];
        Span<float> local = stackalloc float[Stride];
        ref var rows = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rows), _rowsStart);
        var unit = Vector256.Create(_unit);
        for (var i = 0; i < n; i++)
        {
            var low = Vector256<int>.Zero;
            var high = Vector256<int>.Zero;
            foreach (var f in features[i])
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref rows, (nuint)(f * Stride)));
                low += lower;
                high += upper;
            }

            (Vector256.ConvertToSingle(low) * unit).CopyTo(local);
            (Vector256.ConvertToSingle(high) * unit).CopyTo(local[8..]);
            Step(_steps, score, back, local, i);
        }

        return Backtrack(score, back, n);
    }

    // One Viterbi column: the best way into each tag at word i, transitions not allowed by BIO weighing minus infinity.
    private static void Step(float[] steps, float[] score, byte[] back, ReadOnlySpan<float> local, int i)
    {
        var tags = TagSet.Count;
        for (var t = 0; t < tags; t++)
        {
            var best = float.NegativeInfinity;
            var from = 0;
            if (i == 0)
            {
                best = steps[t];
            }
            else
            {
                var previous = (i - 1) * tags;
                for (var p = 0; p < tags; p++)
                {
                    var candidate = score[previous + p] + steps[((p + 1) * tags) + t];
                    if (candidate > best)
                    {
                        (best, from) = (candidate, p);
                    }
                }
            }

            score[(i * tags) + t] = best + local[t];
            back[(i * tags) + t] = (byte)from;
        }
    }

    private static int[] Backtrack(float[] score, byte[] back, int n)
    {
        var tags = TagSet.Count;
        var result = new int[n];
        if (n == 0)
        {
            return result;
        }

        var last = 0;
        for (var t = 1; t < tags; t++)
        {
            last = score[((n - 1) * tags) + t] > score[((n - 1) * tags) + last] ? t : last;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            result[i] = last;
            last = back[(i * tags) + last];
        }

        return result;
    }

    /// <summary>The same decoding over plain (training) weights: bucket b's weight for tag t at [b * TagSet.Count + t].</summary>
    public static int[] Decode(int[][] features, float[] emissions, float[] transitions)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(emissions);
        var n = features.Length;
        var tags = TagSet.Count;
        var steps = Steps(transitions);
        var score = new float[n * tags];
        var back = new byte[n * tags];
        Span<float> local = stackalloc float[tags];
        for (var i = 0; i < n; i++)
        {
            local.Clear();
            foreach (var f in features[i])
            {
                for (var t = 0; t < tags; t++)
                {
                    local[t] += emissions[(f * tags) + t];
                }
            }

            Step(steps, score, back, local, i);
        }

        return Backtrack(score, back, n);
    }

    // Transition weights with the moves BIO forbids at minus infinity.
    private static float[] Steps(float[] transitions) =>
        [.. transitions.Select((w, i) => TagSet.Allowed((i / TagSet.Count) - 1, i % TagSet.Count) ? w : float.NegativeInfinity)];

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(BucketBits);
        writer.Write(TagSet.Count);
        foreach (var weight in Transitions)
        {
            writer.Write(weight);
        }

        var nonZero = Enumerable.Range(0, Emissions.Length).Where(i => Emissions[i] != 0).ToList();
        writer.Write(nonZero.Count);
        var previous = 0;
        foreach (var index in nonZero)
        {
            writer.Write7BitEncodedInt(index - previous);
            writer.Write((Half)Emissions[index]);
            previous = index;
        }
    }

    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a NewsCorpus name-tagger model");
        }

        var bits = reader.ReadInt32();
        if (reader.ReadInt32() != TagSet.Count)
        {
            throw new InvalidDataException("the model was trained for other tags");
        }

        var transitions = new float[(TagSet.Count + 1) * TagSet.Count];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        var emissions = new float[(1 << bits) * TagSet.Count];
        var count = reader.ReadInt32();
        var index = 0;
        for (var k = 0; k < count; k++)
        {
            index += reader.Read7BitEncodedInt();
            emissions[index] = (float)reader.ReadHalf();
        }

        return new NerModel(bits, emissions, transitions);
    }
}
