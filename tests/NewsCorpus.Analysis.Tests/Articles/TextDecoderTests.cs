using System.Text;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

public sealed class TextDecoderTests
{
    [Fact]
    public void Utf8_with_and_without_bom_decodes_the_same()
    {
        var text = "Iraq’s parliament — “quoted”";
        var plain = TextDecoder.Decode(Encoding.UTF8.GetBytes(text));
        var bom = TextDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(text, plain.Text);
        Assert.Equal(text, bom.Text);
        Assert.Equal("utf-8", plain.EncodingName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_bom_decodes(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var decoded = TextDecoder.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes("Zarif’s “red line”\nsecond line")]);
        Assert.True(decoded.Succeeded);
        Assert.Equal("Zarif’s “red line”\nsecond line", decoded.Text);
    }

    [Fact]
    public void Empty_and_blank_files_fail_with_a_reason()
    {
        Assert.Equal("the file is empty", TextDecoder.Decode([]).Error);
        Assert.Contains("no text", TextDecoder.Decode(Encoding.UTF8.GetBytes(" \n\t \n")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_files_fail_with_a_reason()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 };
        var decoded = TextDecoder.Decode(png);
        Assert.False(decoded.Succeeded);
        Assert.Contains("binary", decoded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bom_followed_by_invalid_bytes_fails_instead_of_guessing()
    {
        var decoded = TextDecoder.Decode([0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28]);
        Assert.False(decoded.Succeeded);
    }
}
