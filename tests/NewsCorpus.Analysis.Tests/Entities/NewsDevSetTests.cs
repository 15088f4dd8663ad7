using NewsCorpus.Analysis.Evaluation;

namespace NewsCorpus.Analysis.Tests.Entities;

/// <summary>The project's own annotated news paragraphs (DevSet/news-dev.txt): a guard against regressions in recognition.</summary>
public sealed class NewsDevSetTests
{
    [Fact]
    public void Person_organisation_and_place_micro_f1_on_the_news_dev_set_stays_above_085()
    {
        var documents = EntityScoring.ReadInline(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DevSet", "news-dev.txt")));
        Assert.True(documents.Count >= 30);
        var counts = EntityScoring.Score(documents);
        var micro = EntityScoring.Micro(counts);
        Assert.True(micro.F1 >= 0.85, $"micro F1 {micro.F1:0.000} (P {micro.Precision:0.000}, R {micro.Recall:0.000})");
    }

    [Fact]
    public void Inline_annotations_become_spans_in_the_clean_text()
    {
        var document = Assert.Single(EntityScoring.ReadInline("# comment\n[PER Jane Doe] met [ORG NATO] in [LOC Oslo]."));
        Assert.Equal("Jane Doe met NATO in Oslo.", document.Text);
        Assert.Contains((0, 8, "PER"), document.Entities);
        Assert.Contains((21, 25, "LOC"), document.Entities);
    }
}
