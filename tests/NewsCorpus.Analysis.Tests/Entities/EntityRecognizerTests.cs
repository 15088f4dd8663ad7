using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Entities.Tagging;
using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Tests.Entities;

public sealed class EntityRecognizerTests
{
    private static List<EntityMention> Mentions(string text) => TextAnalyzer.Analyze(text).Mentions.ToList();

    private static EntityMention Find(string text, string name) => Assert.Single(Mentions(text), m => m.Text == name);

    [Fact]
    public void Titles_become_roles_and_the_span_is_the_name()
    {
        const string text = "Iraqi Prime Minister Adel Abdul Mahdi met U.S. Secretary of State Mike Pompeo and Supreme Leader Ayatollah Ali Khamenei.";
        var mahdi = Find(text, "Adel Abdul Mahdi");
        Assert.Equal(EntityType.Person, mahdi.Type);
        Assert.Equal("Prime Minister", mahdi.Role);
        Assert.Equal("Secretary of State", Find(text, "Mike Pompeo").Role);
        Assert.Equal("Supreme Leader Ayatollah", Find(text, "Ali Khamenei").Role);
        Assert.Equal(EntityType.Location, Find(text, "U.S.").Type);
    }

    [Fact]
    public void Demonyms_point_at_their_country_and_are_not_places()
    {
        var iranian = Find("The Iranian commander and the Shi'ite militia met in Baghdad.", "Iranian");
        Assert.Equal(EntityType.Group, iranian.Type);
        Assert.Equal("Iran", iranian.RefersTo);
        Assert.Equal(EntityType.Location, Find("The Iranian commander and the Shi'ite militia met in Baghdad.", "Baghdad").Type);
    }

    [Fact]
    public void Organisations_come_from_the_gazetteer_head_words_and_acronyms()
    {
        const string text = "Officials from NATO, the Quds Force and the Kenya Wildlife Service met officers of the Revolutionary Guards.";
        Assert.Equal(EntityType.Organization, Find(text, "NATO").Type);
        Assert.Equal(EntityType.Organization, Find(text, "Quds Force").Type);
        Assert.Equal(EntityType.Organization, Find(text, "Kenya Wildlife Service").Type);
        Assert.Equal(EntityType.Organization, Find(text, "Revolutionary Guards").Type);
    }

    [Fact]
    public void Names_never_seen_before_are_found_from_context()
    {
        const string text = "Striker Kwadwo Asamoah-Boateng scored twice. \"It was a good night,\" Asamoah-Boateng said. The judge, Priyanka Raghunathan, adjourned the case in Chennai.";
        Assert.Equal(EntityType.Person, Find(text, "Kwadwo Asamoah-Boateng").Type);
        Assert.Equal(EntityType.Person, Find(text, "Priyanka Raghunathan").Type);
        Assert.Equal(EntityType.Location, Find(text, "Chennai").Type);
    }

    [Fact]
    public void Sentence_initial_words_and_shouting_headlines_are_not_names()
    {
        var mentions = Mentions("Despite the rain, crowds gathered.\nIRANIAN TARGETS\nMeanwhile prices rose.");
        Assert.DoesNotContain(mentions, m => m.Text is "Despite" or "Meanwhile" or "TARGETS" && m.Type != EntityType.Group);
    }

    [Fact]
    public void Appositives_give_people_roles()
    {
        const string text = "Ammar al-Shibli, a Shia lawmaker and member of the committee, spoke. Adel Abdul Mahdi, Iraq’s caretaker prime minister, told parliament.";
        Assert.Equal("a Shia lawmaker", Find(text, "Ammar al-Shibli").Role);
        Assert.Equal("caretaker prime minister", Find(text, "Adel Abdul Mahdi").Role);
    }

    [Fact]
    public void Titles_of_works_after_an_article_are_not_people()
    {
        var mentions = Mentions("Their second album, A Velvet Harbour, sold well. Fans voted for the Copper Lantern award.");
        Assert.DoesNotContain(mentions, m => m.Type == EntityType.Person);
    }

    [Fact]
    public void A_given_name_alone_is_a_person_unless_the_text_uses_it_as_a_word()
    {
        Assert.Equal(EntityType.Person, Find("Angela later married and moved away.", "Angela").Type);
        Assert.DoesNotContain(Mentions("Prices may rise. May brought rain."), m => m.Text == "May" && m.Type == EntityType.Person);
    }

    [Fact]
    public void Places_are_found_after_in_and_before_a_known_state()
    {
        const string text = "The fair is held in Brannock Junction every spring. Her family farmed near Tillbury Flats, Oregon, for decades.";
        Assert.Equal(EntityType.Location, Find(text, "Brannock Junction").Type);
        Assert.Equal(EntityType.Location, Find(text, "Tillbury Flats").Type);
    }

    [Fact]
    public void A_person_the_text_has_named_keeps_that_reading_even_when_the_word_is_also_a_place()
    {
        const string text = "Michael Jordan scored 40 points. Jordan said the team played well.";
        Assert.Equal(EntityType.Person, Find(text, "Jordan").Type);
    }

    [Fact]
    public void A_role_without_a_name_leaves_no_person_and_call_signs_stay_whole()
    {
        var mentions = Mentions("She was appointed Professor of Mathematics in 1990. The station 6PR moved to FM.");
        Assert.DoesNotContain(mentions, m => m.Text.StartsWith("of ", StringComparison.Ordinal));
        // The rules read the call sign whole as an organisation, and the tagger gets that reading; no name is cut out of it.
        const string station = "The station 6PR moved to FM.";
        var tokens = Tokenizer.Tokenize(station);
        Assert.Contains(RuleMarks.Read(station, tokens, SentenceSplitter.Split(station, tokens)),
            m => m is { Text: "6PR", Type: EntityType.Organization });
        Assert.DoesNotContain(Mentions(station), m => m.Text is "6" or "PR");
    }

    [Fact]
    public void The_place_list_knows_cities_beyond_the_seed_story()
    {
        const string text = "Flights between Perth, Calgary, Kraków and Guadalajara resumed.";
        Assert.All(["Perth", "Calgary", "Kraków", "Guadalajara"], name => Assert.Equal(EntityType.Location, Find(text, name).Type));
    }

    [Fact]
    public void Organisations_are_found_from_what_the_text_says_of_them()
    {
        const string text = "The song was released by the rock band Velmoor. Kastrel was founded in 1898 in Milan. She signed to Harrowgate in 2004. The Oakland Herons won again. He is a Fellow of Trinity College.";
        Assert.Equal(EntityType.Organization, Find(text, "Velmoor").Type);
        Assert.Equal(EntityType.Organization, Find(text, "Kastrel").Type);
        Assert.Equal(EntityType.Organization, Find(text, "Harrowgate").Type);
        Assert.Equal(EntityType.Organization, Find(text, "Oakland Herons").Type);
        Assert.Equal(EntityType.Organization, Find(text, "Trinity College").Type);
    }

    [Fact]
    public void A_demonym_or_region_before_an_institution_with_of_is_part_of_its_name()
    {
        const string text = "She studied at the British Columbia Institute of Technology before moving abroad.";
        Assert.Equal(EntityType.Organization, Find(text, "British Columbia Institute of Technology").Type);
    }

    [Fact]
    public void A_surname_alone_is_the_person_named_in_full_elsewhere_in_the_text()
    {
        const string text = "Okonkwo came through the youth ranks. Last year Emeka Okonkwo moved abroad.";
        Assert.Equal(EntityType.Person, Assert.Single(Mentions(text), m => m.Text == "Okonkwo").Type);
    }

    [Fact]
    public void Suffixes_stay_with_the_name_and_directions_stay_with_the_place()
    {
        const string text = "Colonel Clay Tice Jr., the commander, flew from West Jersey to Northern Ontario.";
        Assert.Equal(EntityType.Person, Find(text, "Clay Tice Jr.").Type);
        Assert.Equal(EntityType.Location, Find(text, "West Jersey").Type);
        Assert.Equal(EntityType.Location, Find(text, "Northern Ontario").Type);
    }

    [Fact]
    public void Events_awards_and_model_numbers_are_not_people()
    {
        var mentions = Mentions("After the Battle of Harlow Ridge the squadron flew the F-86 Sabre and won the Hartwell Trophy.");
        Assert.DoesNotContain(mentions, m => m.Type == EntityType.Person);
    }
}
