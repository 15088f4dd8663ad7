using System.Buffers.Binary;

namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// Reading the compact forms stored with an article (sentence prints, story terms): 7-bit varint counts and
/// little-endian numbers, every read checked, so damaged bytes are a <see cref="FormatException"/> naming what was read.
/// </summary>
internal static class StoredBytes
{
    // The readers run for every term of every stored article a pass reads (millions): their throws are in the helpers
    // below, so that the JIT inlines them.
    public static int ReadCount(ReadOnlySpan<byte> bytes, ref int position, string what)
    {
        if (position < bytes.Length && bytes[position] < 0x80)
        {
            return bytes[position++];
        }

        var value = 0;
        for (var shift = 0; shift < 32; shift += 7)
        {
            if (position >= bytes.Length)
            {
                CutShort(what);
            }

            var b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value >= 0 ? value : Invalid($"a negative count in {what}");
            }
        }

        return Invalid($"a count too long in {what}");
    }

    public static int ReadInt32(ReadOnlySpan<byte> bytes, ref int position, string what)
    {
        if (bytes.Length - position < sizeof(int))
        {
            CutShort(what);
        }

        var value = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(position, sizeof(int)));
        position += sizeof(int);
        return value;
    }

    public static long ReadInt64(ReadOnlySpan<byte> bytes, ref int position, string what)
    {
        if (bytes.Length - position < sizeof(long))
        {
            CutShort(what);
        }

        var value = BinaryPrimitives.ReadInt64LittleEndian(bytes.Slice(position, sizeof(long)));
        position += sizeof(long);
        return value;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void CutShort(string what) => throw new FormatException($"{what} cut short");

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static int Invalid(string message) => throw new FormatException(message);

    /// <summary>Checks the version byte and returns the item count that follows it.</summary>
    public static int ReadHeader(ReadOnlySpan<byte> bytes, byte version, ref int position, string what)
    {
        if (bytes.Length == 0 || bytes[position++] != version)
        {
            throw new FormatException($"not {what} of a known version");
        }

        var count = ReadCount(bytes, ref position, what);
        return count <= bytes.Length ? count : throw new FormatException($"{what} cut short");
    }

    public static void ReadToEnd(ReadOnlySpan<byte> bytes, int position, string what)
    {
        if (position != bytes.Length)
        {
            throw new FormatException($"{what} with bytes left over");
        }
    }
}
