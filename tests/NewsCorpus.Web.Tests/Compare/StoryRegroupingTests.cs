using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Compare;

/// <summary>Regrouping when an article changes: its own corpus, since it adds and rewrites articles.</summary>
public sealed class StoryRegroupingTests(StoryCorpus corpus) : IClassFixture<StoryCorpus>
{
    private int StoryOf(string prefix)
    {
        var id = corpus.ArticleId(prefix);
        return corpus.Query(db => db.Articles.Single(a => a.Id == id).StoryId) ?? throw new InvalidOperationException($"{prefix} has no story");
    }

    [Fact]
    public async Task An_article_rewritten_about_another_event_moves_story_and_empty_stories_go()
    {
        using var files = new ArticleFiles();
        var path = files.Write("moving.txt", "date 2021-12-20\nChile's Boric names first cabinet picks\n\nGabriel Boric, Chile's president-elect after Sunday's runoff against Jose Antonio Kast, said he would name a cabinet with many women. \"I will be the president of all Chileans,\" Boric told supporters in Santiago, promising to expand social rights and end the private pension system.\n");
        await corpus.IngestAsync(path);
        var id = corpus.Query(db => db.Articles.Single(a => a.SourcePath == path).Id);
        var chile = StoryOf("chile-election");
        Assert.Equal(chile, corpus.Query(db => db.Articles.Single(a => a.Id == id).StoryId));
        Assert.Equal(2, corpus.Query(db => db.Stories.Single(s => s.Id == chile).ArticleCount));

        File.WriteAllText(path, "date 2023-03-02\nLighthouse keeper retires after forty years on remote island\n\nThe last lighthouse keeper on Skerrin Rock retired on Thursday after forty years of tending the lamp, trimming wicks and logging passing trawlers through gales and fog.\n");
        await corpus.IngestAsync(path);

        var moved = corpus.Query(db => db.Articles.Single(a => a.Id == id).StoryId);
        Assert.NotEqual(chile, moved);
        Assert.Equal(1, corpus.Query(db => db.Stories.Single(s => s.Id == chile).ArticleCount));
        Assert.Equal("Lighthouse keeper retires after forty years on remote island", corpus.Query(db => db.Stories.Single(s => s.Id == moved).Title));
        Assert.True(corpus.Query(db => db.Stories.All(s => s.Articles.Count == s.ArticleCount && s.ArticleCount > 0)));
    }

    [Fact]
    public async Task New_articles_spread_over_the_corpus_years_still_join_the_story_of_their_own_days()
    {
        // One new article years before everything stored and one the day after the floods: their window spans the whole
        // corpus, which is then read in file order, and an article still only meets the stories of its own days.
        using var files = new ArticleFiles();
        var early = files.Write("early.txt", "date 2012-05-02\nValencia fishermen protest new quotas\n\nFishermen in Valencia blocked the port on Wednesday in protest at new fishing quotas, saying rescuers of the local economy had been forgotten and the death of the trade was near.\n");
        var follow = files.Write("follow.txt", "date 2024-11-01\nValencia floods: rescuers search mud-filled streets of Paiporta for the missing\n\nRescuers waded through mud-filled streets in Paiporta and Chiva on Friday searching for people still missing after the flash floods in the Valencia region, as the death toll rose again. Pedro Sanchez said \"we will not leave anyone behind\".\n");
        await corpus.IngestAsync(early, follow);

        var flood = StoryOf("flood-iberia-daily");
        Assert.Equal(flood, corpus.Query(db => db.Articles.Single(a => a.SourcePath == follow).StoryId));
        var alone = corpus.Query(db => db.Articles.Single(a => a.SourcePath == early).StoryId);
        Assert.NotEqual(flood, alone);
        Assert.Equal(1, corpus.Query(db => db.Stories.Single(s => s.Id == alone).ArticleCount));
        Assert.Equal(3, corpus.Query(db => db.Stories.Single(s => s.Id == flood).ArticleCount));
    }
}
