using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Entities.Tagging;

namespace NewsCorpus.Analysis.Tests.Entities;

/// <summary>The trained name tagger shipped in the library, and its training, on sentences written for these tests.</summary>
public sealed class NameTaggerTests
{
    private static List<(string Text, string Type)> Names(string sentence)
    {
        var words = sentence.Split(' ');
        return [.. NameTagger.Default.Names(words).Select(n => (string.Join(' ', words[n.Start..n.End]), n.Type))];
    }

    [Fact]
    public void The_shipped_model_finds_people_organisations_and_places()
    {
        var names = Names("Ingrid Solberg , chief executive of Nordic Shipping Group , said on Tuesday in Oslo that profits fell .");
        Assert.Contains(("Ingrid Solberg", "PER"), names);
        Assert.Contains(("Nordic Shipping Group", "ORG"), names);
        Assert.Contains(("Oslo", "LOC"), names);
    }

    [Fact]
    public void Ordinary_words_are_left_alone()
    {
        Assert.Empty(Names("The council approved the budget after a long debate on Tuesday night ."));
    }

    [Fact]
    public void Tags_are_well_formed()
    {
        var tags = NameTagger.Default.Tag("Police in Lagos said the Nigerian Football Federation met on Monday .".Split(' '));
        for (var i = 0; i < tags.Length; i++)
        {
            Assert.True(TagSet.Allowed(i == 0 ? -1 : tags[i - 1], tags[i]));
        }
    }

    [Fact]
    public void Iob1_becomes_bio_and_touching_names_stay_apart()
    {
        var tags = TagSet.FromIob1(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]);
        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"], tags.Select(t => TagSet.Names[t]));
        Assert.Equal([(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")], TaggedSentence.Spans(tags));
    }

    [Fact]
    public void Training_is_deterministic_and_learns_a_tiny_corpus()
    {
        var lines = new[]
        {
            "Anna I-PER", "Berg I-PER", "visited O", "Narvik I-LOC", ". O", "",
            "Carl I-PER", "Dahl I-PER", "joined O", "Telenor I-ORG", ". O", "",
            "Eva I-PER", "Lund I-PER", "left O", "Bergen I-LOC", ". O", "",
        };
        var sentences = TaggedSentence.ReadConll([.. lines, .. lines]); // twice: features seen once are pruned
        var features = NerFeatures.Default(12);
        var first = new PerceptronTrainer(features, 12).Train(sentences, epochs: 5);
        var second = new PerceptronTrainer(features, 12).Train(sentences, epochs: 5);
        Assert.Equal(first.Emissions, second.Emissions);
        Assert.Equal(sentences[0].Tags, first.Decode(features.Extract(sentences[0].Words)));

        using var stored = new MemoryStream();
        first.Save(stored);
        stored.Position = 0;
        Assert.Equal(sentences[1].Tags, NerModel.Load(stored).Decode(features.Extract(sentences[1].Words)));
    }

    [Fact]
    public void One_word_people_the_tagger_disagrees_with_are_retyped_or_dropped()
    {
        var analysis = TextAnalyzer.Analyze("Officials said on Monday that the harbour would reopen. China said it would send ships. Kowalczyk said nothing.");
        Assert.DoesNotContain(analysis.Mentions, m => m.Text == "Officials");
        Assert.DoesNotContain(analysis.Mentions, m => m.Text == "China" && m.Type == EntityType.Person);
        Assert.Contains(analysis.Mentions, m => m.Text == "Kowalczyk" && m.Type == EntityType.Person);
    }

    [Fact]
    public void The_tagger_decides_the_analyzers_names_and_the_rules_add_roles_and_canonical_names()
    {
        const string text = "Prime Minister Anneli Virtanen met officials of Baltic Freight Group in Tallinn. The U.S. embassy said the Estonian government would reply.";
        var mentions = TextAnalyzer.Analyze(text).Mentions;
        Assert.Contains(mentions, m => m is { Text: "Anneli Virtanen", Type: EntityType.Person, Role: "Prime Minister" });
        Assert.Contains(mentions, m => m is { Text: "Baltic Freight Group", Type: EntityType.Organization });
        Assert.Contains(mentions, m => m is { Text: "Tallinn", Type: EntityType.Location });
        Assert.Contains(mentions, m => m is { Text: "U.S.", Type: EntityType.Location, RefersTo: "United States" });
        Assert.Contains(mentions, m => m is { Text: "Estonian", Type: EntityType.Group });
        Assert.Contains(mentions, m => m is { Text: "Estonian government", Type: EntityType.Organization });
    }

    [Fact]
    public void Initials_keep_their_full_stop_and_suffixes_stay_with_the_name()
    {
        var mentions = TextAnalyzer.Analyze("The bowlers were led by P. Simmons, and Donald Trump Jr. watched from the stand.").Mentions;
        Assert.Contains(mentions, m => m is { Text: "P. Simmons", Type: EntityType.Person });
        Assert.Contains(mentions, m => m is { Text: "Donald Trump Jr.", Type: EntityType.Person });
    }

    [Fact]
    public void A_name_written_the_same_way_in_one_text_has_one_type()
    {
        const string text = "The label that owns her records, Harbourline, said it would appeal. Fans accused Harbourline of greed. Harbourline said the deal was fair.";
        var types = TextAnalyzer.Analyze(text).Mentions.Where(m => m.Text == "Harbourline").Select(m => m.Type).Distinct();
        Assert.Single(types);
    }

    [Fact]
    public void The_rules_reading_reaches_the_tagger_as_marks_on_words()
    {
        var document = TaggedSentence.ReadConll(["Prime O", "Minister O", "Anneli I-PER", "Virtanen I-PER", "visited O", "Tallinn I-LOC", ". O"]);
        var marked = RuleMarks.Mark(document);
        Assert.Equal(["-", "-", "PB", "PI", "-", "LB", "-"], marked[0].Rules!.Select(r => r ?? "-"));
    }

    [Fact]
    public void A_whole_file_without_full_stops_is_tagged_a_window_at_a_time()
    {
        var text = string.Join(' ', Enumerable.Repeat("the committee met again and talked about the budget", 3_000)) + " and Ingrid Solberg spoke in Oslo";
        var mentions = TextAnalyzer.Analyze(text).Mentions;
        Assert.Contains(mentions, m => m is { Text: "Ingrid Solberg", Type: EntityType.Person });
        Assert.Contains(mentions, m => m is { Text: "Oslo", Type: EntityType.Location });
    }
}
