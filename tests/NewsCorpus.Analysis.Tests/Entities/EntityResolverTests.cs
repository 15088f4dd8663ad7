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

    [Fact]
    public void Middle_initials_honorifics_and_possessives_are_one_person_named_by_their_usual_name()
    {
        var entities = Resolve(
            "Donald J. Trump spoke in Ohio. Mr. Trump's aides left.",
            "Donald Trump held a rally. Donald Trump said he would win.",
            "James B. Comey testified. James Comey left the hearing. Sen. Ted Cruz asked questions.",
            "Vladimir V. Putin met aides. Vladimir Putin spoke later.");
        var trump = EntityOf(entities, "Donald J. Trump");
        Assert.Same(trump, EntityOf(entities, "Donald Trump"));
        Assert.Equal("Donald Trump", trump.Canonical);
        Assert.Same(EntityOf(entities, "James B. Comey"), EntityOf(entities, "James Comey"));
        Assert.Same(EntityOf(entities, "Vladimir V. Putin"), EntityOf(entities, "Vladimir Putin"));
    }

    [Fact]
    public void Family_members_stay_apart()
    {
        var entities = Resolve(
            "Bill Clinton spoke first. Hillary Clinton spoke next. Chelsea Clinton introduced them.",
            "Barack Obama and Michelle Obama arrived. Donald Trump and Donald Trump Jr. watched.",
            "Hillary Clinton said the plan would work.");
        var names = new[] { "Bill Clinton", "Hillary Clinton", "Barack Obama", "Michelle Obama", "Donald Trump", "Donald Trump Jr." };
        var people = names.Select(n => EntityOf(entities, n)).ToList();
        Assert.Equal(names.Length, people.Distinct().Count());
        Assert.Equal(2, EntityOf(entities, "Hillary Clinton").Mentions.Select(m => m.Document).Distinct().Count());
    }

    [Fact]
    public void A_lone_surname_goes_to_the_person_of_that_surname_named_nearest()
    {
        var entities = Resolve("Bill Clinton spoke in Denver. Clinton said the economy was strong. Later, Hillary Clinton took the stage. Clinton thanked the crowd.");
        var bill = EntityOf(entities, "Bill Clinton");
        var hillary = EntityOf(entities, "Hillary Clinton");
        Assert.Equal(2, bill.Mentions.Count);
        Assert.Equal(2, hillary.Mentions.Count);
    }

    [Fact]
    public void A_surname_no_document_explains_goes_to_the_one_person_most_documents_name()
    {
        var entities = Resolve(
            "Donald Trump spoke.", "Donald Trump spoke again.", "Donald Trump spoke a third time.", "Donald Trump spoke a fourth time.",
            "Ivanka Trump arrived.", "Trump said nothing more.");
        Assert.Contains("Trump", EntityOf(entities, "Donald Trump").Aliases);
    }

    [Fact]
    public void No_two_entities_share_a_name_and_type()
    {
        var entities = Resolve("Hillary Clinton spoke.", "HIllary Clinton spoke.", "Democrat Hillary Clinton spoke.", "Hillary Rodham Clinton spoke.");
        Assert.Single(entities, e => e.Type == EntityType.Person && e.Canonical == "Hillary Clinton");
        Assert.Equal(entities.Count, entities.Select(e => (e.Type, e.Canonical)).Distinct().Count());
    }
}
