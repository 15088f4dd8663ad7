using System.Buffers.Binary;

namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// An article's <see cref="SentencePrint"/>s as bytes, stored with the article so that counting shared sentences reads
/// them instead of splitting and folding the text again. Layout: a version byte, the sentence count, then per sentence
/// its word count, word hashes, stem count and stem hashes (counts as 7-bit varints, hashes as 4 little-endian bytes).
/// </summary>
public static class SentencePrints
{
    private const byte Version = 1;

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
        if (bytes.Length == 0 || bytes[position++] != Version)
        {
            throw new FormatException("not sentence prints of a known version");
        }

        var count = ReadCount(bytes, ref position);
        var sentences = new List<SentencePrint>(Math.Min(count, 4096));
        for (var i = 0; i < count; i++)
        {
            var words = ReadHashes(bytes, ref position);
            sentences.Add(new SentencePrint(words, ReadHashes(bytes, ref position)));
        }

        return position == bytes.Length ? sentences : throw new FormatException("sentence prints with bytes left over");
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
        var count = ReadCount(bytes, ref position);
        if ((long)count * sizeof(int) > bytes.Length - position)
        {
            throw new FormatException("sentence prints cut short");
        }

        var hashes = new int[count];
        for (var i = 0; i < count; i++, position += sizeof(int))
        {
            hashes[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
        }

        return hashes;
    }

    private static int ReadCount(ReadOnlySpan<byte> bytes, ref int position)
    {
        var value = 0;
        for (var shift = 0; shift < 32; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new FormatException("sentence prints cut short");
            }

            var b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value >= 0 ? value : throw new FormatException("a negative count in sentence prints");
            }
        }

        throw new FormatException("a count too long in sentence prints");
    }
}
