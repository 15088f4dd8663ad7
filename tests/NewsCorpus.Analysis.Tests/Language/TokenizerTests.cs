using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Tests.Language;

public sealed class TokenizerTests
{
    [Fact]
    public void The_scanner_splits_text_exactly_as_the_token_pattern_does()
    {
        const string text = "Iraq’s U.S. e.g. 6PR 3M 123M 1.5M 2014-17 50% 3:45 1,500.25 Abdul-Mahdi O'Brien rock 'n' roll — “quoted” "
            + "Müller naïve Ⅻ ½ ٣٤ 日本語 😀 tab\there\u00a0nbsp end.";
        Assert.Equal(Tokenizer.TokenizeWithPattern(text), Tokenizer.Tokenize(text));
    }

    [Fact]
    public void Random_text_from_letters_digits_and_punctuation_tokenizes_as_the_pattern_does()
    {
        const string alphabet = "aZé1 9.,:%-'’\n\t“”AbU.S3M(’s)—😀ӁⅫ½";
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(Tokenizer.TokenizeWithPattern(text), Tokenizer.Tokenize(text));
        }
    }

    [Fact]
    public void Possessives_come_apart_and_call_signs_stay_whole()
    {
        var tokens = Tokenizer.Tokenize("Iraq’s 6PR aired.").Select(t => t.Text);
        Assert.Equal(["Iraq", "’s", "6PR", "aired", "."], tokens);
    }
}
