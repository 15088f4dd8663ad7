using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Analysis.Tests.Entities;

/// <summary>
/// New articles resolved against a stored index of earlier resolutions name the same entities the whole corpus
/// resolved at once would: the store here is what the corpus keeps (ids, names, alias counts, article counts, keys).
/// </summary>
public sealed class IncrementalResolutionTests
{
    private static List<IReadOnlyList<EntityMention>> Documents(params string[] texts) =>
        [.. texts.Select(t => (IReadOnlyList<EntityMention>)TextAnalyzer.Analyze(t).Mentions)];

    /// <summary>Resolves the first documents from nothing, files the result as a store would, and returns it as the index.</summary>
    private static (EntityIndex Index, Dictionary<int, ResolvedEntity> ById) Store(params string[] texts)
    {
        var index = new EntityIndex();
        var byId = new Dictionary<int, ResolvedEntity>();
        var id = 100;
        foreach (var entity in EntityResolver.Resolve(Documents(texts)))
        {
            var stored = new ResolvedEntity(entity.Type)
            {
                StoredId = ++id,
                StoredName = entity.Canonical,
                StoredAliases = entity.NameCounts(),
                StoredArticles = entity.Mentions.Select(m => m.Document).Distinct().Count(),
            };
            byId[id] = entity;
            entity.NewKeys.ForEach(key => index.Add(key, stored));
        }

        return (index, byId);
    }

    private static ResolvedEntity Named(List<ResolvedEntity> entities, string alias) =>
        Assert.Single(entities, e => e.Mentions.Any(m => m.Mention.Text == alias));

    private static int? StoredIdOf(Dictionary<int, ResolvedEntity> byId, string alias) =>
        byId.Single(e => e.Value.Aliases.Contains(alias)).Key;

    [Fact]
    public void A_person_named_again_later_joins_the_stored_person_by_surname_and_transliteration()
    {
        var (index, byId) = Store("Prime Minister Adel Abdul Mahdi spoke.", "Adel Abdul Mahdi resigned.");
        var later = EntityResolver.Resolve(Documents("Mr Abdul Mahdi agreed. Prime Minister Adil Abdul-Mahdi left."), index);

        var mahdi = Named(later, "Adil Abdul-Mahdi");
        Assert.Equal(StoredIdOf(byId, "Adel Abdul Mahdi"), mahdi.StoredId);
        Assert.Same(mahdi, Named(later, "Abdul Mahdi"));

        // The stored counts keep the name most articles use.
        Assert.Equal("Adel Abdul Mahdi", mahdi.Canonical);
    }

    [Fact]
    public void Family_members_stay_apart_from_a_stored_person_of_their_surname()
    {
        var (index, byId) = Store("President Donald Trump spoke. Trump left.");
        var later = EntityResolver.Resolve(Documents("Ivanka Trump arrived. Trump waved.", "Donald Trump Jr. spoke."), index);

        var ivanka = Named(later, "Ivanka Trump");
        Assert.Null(ivanka.StoredId);
        Assert.Same(ivanka, Named(later, "Trump"));
        Assert.NotEqual(StoredIdOf(byId, "Donald Trump"), Named(later, "Donald Trump Jr.").StoredId);
    }

    [Fact]
    public void A_lone_surname_no_new_article_explains_goes_to_the_stored_person_most_articles_name()
    {
        var (index, byId) = Store("Angela Merkel spoke.", "Chancellor Angela Merkel left.", "Angela Merkel returned.");
        var later = EntityResolver.Resolve(Documents("Merkel said no."), index);
        Assert.Equal(StoredIdOf(byId, "Angela Merkel"), Named(later, "Merkel").StoredId);
    }

    [Fact]
    public void Acronyms_and_gazetteer_names_join_stored_organisations()
    {
        var (index, byId) = Store("Toby Dodge of the London School of Economics spoke.", "The Islamic State claimed the attack.");
        var later = EntityResolver.Resolve(Documents("The LSE said nothing. ISIS claimed it."), index);

        Assert.Equal(StoredIdOf(byId, "London School of Economics"), Named(later, "LSE").StoredId);
        var isis = Named(later, "ISIS");
        Assert.Equal(StoredIdOf(byId, "Islamic State"), isis.StoredId);
        Assert.Equal("Islamic State", isis.Canonical);
    }

    [Fact]
    public void An_acronym_stored_before_the_name_it_spells_takes_the_name_in()
    {
        var (index, byId) = Store("Talks with the NSU went on. The NSU said nothing.");
        var later = EntityResolver.Resolve(Documents("Erik Haugen of the Norwegian Seafarers Union spoke."), index);

        var union = Named(later, "Norwegian Seafarers Union");
        Assert.Equal(StoredIdOf(byId, "NSU"), union.StoredId);
        Assert.Equal("Norwegian Seafarers Union", union.Canonical);
    }

    [Fact]
    public void New_entities_come_with_the_keys_to_file_them_under()
    {
        var entities = EntityResolver.Resolve(Documents("Prime Minister Adel Abdul Mahdi met the London School of Economics."));
        var mahdi = Named(entities, "Adel Abdul Mahdi");
        Assert.Contains(mahdi.NewKeys, k => k.StartsWith("F:", StringComparison.Ordinal));
        Assert.Contains(mahdi.NewKeys, k => k.StartsWith("T:", StringComparison.Ordinal));
        Assert.Contains(mahdi.NewKeys, k => k.StartsWith("S:", StringComparison.Ordinal));
        var lse = Named(entities, "London School of Economics");
        Assert.Contains("A:LSE", lse.NewKeys);
        Assert.Contains(lse.NewKeys, k => k.StartsWith("N:Organization:", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolving_in_two_batches_groups_the_mentions_as_resolving_at_once_does()
    {
        string[] first =
        [
            "Prime Minister Adel Abdul Mahdi spoke in Baghdad. Abdul Mahdi later met Iraqi lawmakers.",
            "General Qasem Soleimani was killed near Baghdad airport. Soleimani led the Quds Force.",
            "President Hassan Rouhani of Iran condemned the strike. Rouhani spoke in Tehran.",
        ];
        string[] second =
        [
            "Qassem Soleimani was buried in Kerman. Iran's Hassan Rohani attended.",
            "Mr Abdul Mahdi asked parliament to act. The United Nations urged calm in Baghdad.",
            "Soleimani's successor spoke. The UN said talks continue.",
        ];

        var together = EntityResolver.Resolve(Documents([.. first, .. second]));
        var (index, byId) = Store(first);
        var later = EntityResolver.Resolve(Documents(second), index);
        foreach (var entity in later)
        {
            // Every alias of a batch entity belongs to one entity of the whole-corpus resolution, and a stored one
            // answers to the same entity there.
            var whole = together.Where(e => e.Type == entity.Type && entity.Mentions.Any(m => e.Aliases.Contains(m.Mention.Text))).Distinct().ToList();
            Assert.Single(whole);
            if (entity.StoredId is { } id)
            {
                Assert.Equal(whole[0].Canonical, entity.Canonical);
                Assert.Contains(byId[id].Aliases, whole[0].Aliases.Contains);
            }
        }
    }
}
