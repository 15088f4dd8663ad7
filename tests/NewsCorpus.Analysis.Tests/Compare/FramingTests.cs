using NewsCorpus.Analysis.Compare;

namespace NewsCorpus.Analysis.Tests.Compare;

public sealed class FramingTests
{
    [Fact]
    public void Counts_act_words_and_reporting_verbs_by_family()
    {
        const string Text = "The assassination of the general was a drone strike, officials claimed. He was assassinated at dawn, she said. Critics said it was murder.";
        var counts = Framing.Count(Text).ToDictionary(c => (c.Kind, c.Family), c => c.Count);

        Assert.Equal(2, counts[(FramingKind.Act, "assassination")]);
        Assert.Equal(1, counts[(FramingKind.Act, "strike")]);
        Assert.Equal(1, counts[(FramingKind.Act, "murder")]);
        Assert.Equal(2, counts[(FramingKind.Verb, "said")]);
        Assert.Equal(1, counts[(FramingKind.Verb, "claimed")]);
        Assert.Equal(Text.IndexOf("drone strike", StringComparison.Ordinal), Framing.Count(Text).Single(c => c.Family == "strike").FirstStart);
        Assert.DoesNotContain(counts.Keys, k => k.Family == "drone");
    }

    [Fact]
    public void Text_without_framing_words_gives_nothing() => Assert.Empty(Framing.Count("The weather was fine and the market was busy."));
}
