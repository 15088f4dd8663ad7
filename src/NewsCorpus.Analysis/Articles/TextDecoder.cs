using System.Text;

namespace NewsCorpus.Analysis.Articles;

/// <summary>The outcome of decoding a file: its text and encoding, or why it cannot be read as text.</summary>
public sealed record DecodedText(string? Text, string EncodingName, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Turns raw file bytes into text: BOMs first, then strict UTF-8, then Windows-1252.</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return Fail("the file is empty");
        }

        var (encoding, bomLength) = DetectBom(bytes);
        if (encoding is null && LooksBinary(bytes))
        {
            return Fail("the file looks binary (it holds NUL or control bytes), not text");
        }

        string text;
        string name;
        if (encoding is not null)
        {
            try
            {
                text = encoding.GetString(bytes[bomLength..]);
            }
            catch (DecoderFallbackException)
            {
                return Fail($"the file starts with a {encoding.WebName} byte-order mark but its bytes are not valid {encoding.WebName}");
            }

            name = encoding.WebName;
        }
        else
        {
            try
            {
                text = s_strictUtf8.GetString(bytes);
                name = "utf-8";
            }
            catch (DecoderFallbackException)
            {
                // Not valid UTF-8: the common case is a legacy Western file, so read it as Windows-1252.
                text = Encoding.GetEncoding(1252).GetString(bytes);
                name = "windows-1252";
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail("the file holds no text (only white space)");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Fail("the file looks binary (it holds NUL characters), not text");
        }

        return new DecodedText(text, name, null);
    }

    private static DecodedText Fail(string reason) => new(null, "", reason);

    private static (Encoding? Encoding, int BomLength) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return (s_strictUtf8, 3);
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return (null, 0);
    }

    // Text files have no NUL bytes and almost no C0 control bytes besides tab, CR, LF and form feed.
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 65536 ? bytes[..65536] : bytes;
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                control++;
            }
        }

        return control > sample.Length / 100 + 1;
    }
}
