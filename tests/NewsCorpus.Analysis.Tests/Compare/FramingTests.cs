using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class FramingTests
{
    [Fact]
    public void Counts_act_words_and_reporting_verbs_by_family()
    {
        var counts = Framing.Count("The assassination of the general was a drone strike, officials claimed. He was assassinated at dawn, she said. Critics said it was murder.");

        Assert.Contains(new FramingCount(FramingKind.Act, "assassination", 2), counts);
        Assert.Contains(new FramingCount(FramingKind.Act, "strike", 1), counts);
        Assert.Contains(new FramingCount(FramingKind.Act, "murder", 1), counts);
        Assert.Contains(new FramingCount(FramingKind.Verb, "said", 2), counts);
        Assert.Contains(new FramingCount(FramingKind.Verb, "claimed", 1), counts);
        Assert.DoesNotContain(counts, c => c.Family == "drone");
    }

    [Fact]
    public void Text_without_framing_words_gives_nothing() => Assert.Empty(Framing.Count("The weather was fine and the market was busy."));
}
