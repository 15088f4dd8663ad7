namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// An article's <see cref="SentencePrint"/>s as bytes, stored with the article so that counting shared sentences reads
/// them instead of splitting and folding the text again. Layout: a version byte, the sentence count, then per sentence
/// its word count, word hashes, stem count and stem hashes (counts as 7-bit varints, hashes as 4 little-endian bytes).
/// </summary>
public static class SentencePrints
{
    private const byte Version = 1;
    private const string What = "sentence prints";

    public static byte[] Write(IReadOnlyList<SentencePrint> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Version);
        writer.Write7BitEncodedInt(sentences.Count);
        foreach (var sentence in sentences)
        {
            WriteHashes(writer, sentence.WordHashes);
            WriteHashes(writer, sentence.ContentStems);
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>The prints <see cref="Write"/> wrote; throws <see cref="FormatException"/> on anything else.</summary>
    public static List<SentencePrint> Read(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        var count = StoredBytes.ReadHeader(bytes, Version, ref position, What);
        var sentences = new List<SentencePrint>(count);
        for (var i = 0; i < count; i++)
        {
            var words = ReadHashes(bytes, ref position);
            sentences.Add(new SentencePrint(words, ReadHashes(bytes, ref position)));
        }

        StoredBytes.ReadToEnd(bytes, position, What);
        return sentences;
    }

    private static void WriteHashes(BinaryWriter writer, int[] hashes)
    {
        writer.Write7BitEncodedInt(hashes.Length);
        foreach (var hash in hashes)
        {
            writer.Write(hash);
        }
    }

    private static int[] ReadHashes(ReadOnlySpan<byte> bytes, ref int position)
    {
        var count = StoredBytes.ReadCount(bytes, ref position, What);
        var hashes = new int[Math.Min(count, bytes.Length / sizeof(int))];
        if (hashes.Length != count)
        {
            throw new FormatException($"{What} cut short");
        }

        for (var i = 0; i < count; i++)
        {
            hashes[i] = StoredBytes.ReadInt32(bytes, ref position, What);
        }

        return hashes;
    }
}
