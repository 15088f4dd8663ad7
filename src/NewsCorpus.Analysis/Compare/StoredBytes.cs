using System.Buffers.Binary;

namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// Reading the compact forms stored with an article (sentence prints, story terms): 7-bit varint counts and
/// little-endian numbers, every read checked, so damaged bytes are a <see cref="FormatException"/> naming what was read.
/// </summary>
internal static class StoredBytes
{
    public static int ReadCount(ReadOnlySpan<byte> bytes, ref int position, string what)
    {
        var value = 0;
        for (var shift = 0; shift < 32; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new FormatException($"{what} cut short");
            }

            var b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value >= 0 ? value : throw new FormatException($"a negative count in {what}");
            }
        }

        throw new FormatException($"a count too long in {what}");
    }

    public static int ReadInt32(ReadOnlySpan<byte> bytes, ref int position, string what)
    {
        var value = bytes.Length - position >= sizeof(int) ? BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]) : throw new FormatException($"{what} cut short");
        position += sizeof(int);
        return value;
    }

    public static long ReadInt64(ReadOnlySpan<byte> bytes, ref int position, string what)
    {
        var value = bytes.Length - position >= sizeof(long) ? BinaryPrimitives.ReadInt64LittleEndian(bytes[position..]) : throw new FormatException($"{what} cut short");
        position += sizeof(long);
        return value;
    }

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
