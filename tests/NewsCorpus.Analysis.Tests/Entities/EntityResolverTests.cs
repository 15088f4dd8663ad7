using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Analysis.Tests.Entities;

/// <summary>Alias groups across documents, as the corpus resolution sees them.</summary>
public sealed class EntityResolverTests
{
    private static List<ResolvedEntity> Resolve(params string[] documents) =>
        EntityResolver.Resolve(documents.Select(d => (IReadOnlyList<EntityMention>)TextAnalyzer.Analyze(d).Mentions).ToList());

    private static ResolvedEntity EntityOf(List<ResolvedEntity> entities, string alias) =>
        Assert.Single(entities, e => e.Aliases.Contains(alias));

    [Fact]
    public void Surnames_titles_hyphens_transliterations_and_glued_words_resolve_to_one_person()
    {
        var entities = Resolve(
            "Prime Minister Adel Abdul Mahdi spoke. Later Abdul Mahdi left.",
            "The government of Prime Minister Adil Abdul-Mahdi said. Mr Abdul Mahdi agreed.",
            "Prime Minister Adel Abdul Mahdihad earlier called on parliament.",
            "General Qasem Soleimani was killed. Qassem Soleimani led the Quds Force. Soleimani was buried.",
            "President Hassan Rohani spoke. President Hassan Rouhani spoke again.");
        var mahdi = EntityOf(entities, "Adel Abdul Mahdi");
        Assert.Equal("Adel Abdul Mahdi", mahdi.Canonical);
        Assert.Contains("Adil Abdul-Mahdi", mahdi.Aliases);
        Assert.Contains("Abdul Mahdi", mahdi.Aliases);
        Assert.Contains("Adel Abdul Mahdihad", mahdi.Aliases);
        Assert.Contains("Prime Minister", mahdi.Roles);

        var soleimani = EntityOf(entities, "Soleimani");
        Assert.Contains("Qasem Soleimani", soleimani.Aliases);
        Assert.Contains("Qassem Soleimani", soleimani.Aliases);

        Assert.Same(EntityOf(entities, "Hassan Rohani"), EntityOf(entities, "Hassan Rouhani"));
    }

    [Fact]
    public void Acronyms_and_other_names_of_organisations_and_countries_resolve()
    {
        var entities = Resolve(
            "Fighters of Islamic State attacked. ISIS claimed it. Daesh militants fled.",
            "The U.S. and the United States and the US are one country.",
            "Toby Dodge of the London School of Economics spoke. The LSE said nothing.");
        var islamicState = EntityOf(entities, "ISIS");
        Assert.Equal("Islamic State", islamicState.Canonical);
        Assert.Contains("Daesh", islamicState.Aliases);
        var us = EntityOf(entities, "U.S.");
        Assert.Equal("United States", us.Canonical);
        Assert.Contains("US", us.Aliases);
        Assert.Same(EntityOf(entities, "LSE"), EntityOf(entities, "London School of Economics"));
    }

    [Fact]
    public void Different_people_who_share_a_surname_stay_apart()
    {
        var entities = Resolve(
            "President Donald Trump spoke. Trump left.",
            "Ivanka Trump arrived. Trump waved.",
            "Eric Trump tweeted.");
        var donald = EntityOf(entities, "Donald Trump");
        var ivanka = EntityOf(entities, "Ivanka Trump");
        Assert.NotSame(donald, ivanka);
        Assert.NotSame(donald, EntityOf(entities, "Eric Trump"));
        // Within each document the lone surname means the person named there.
        Assert.Equal(2, donald.Mentions.Count);
        Assert.Equal(2, ivanka.Mentions.Count);
    }

    [Fact]
    public void Consonant_skeletons_fold_transliterations()
    {
        Assert.Equal(EntityResolver.Skeleton("qassem"), EntityResolver.Skeleton("qasem"));
        Assert.Equal(EntityResolver.Skeleton("rohani"), EntityResolver.Skeleton("rouhani"));
        Assert.Equal(EntityResolver.Skeleton("adel"), EntityResolver.Skeleton("adil"));
        Assert.NotEqual(EntityResolver.Skeleton("donald"), EntityResolver.Skeleton("ivanka"));
    }
}
