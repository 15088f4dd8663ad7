using System.Reflection;

namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// Tags the words of a sentence with the trained model shipped inside this library (Resources/ner-model.bin.gz):
/// names of people, organisations, places and other things (MISC), as word spans.
/// </summary>
public sealed class NameTagger(NerModel model, NerFeatures features)
{
    private const string Resource = "NewsCorpus.Analysis.Resources.ner-model.bin.gz";

    private static readonly Lazy<NameTagger> s_default = new(LoadDefault);

    public static NameTagger Default => s_default.Value;

    public NerModel Model => model;

    public NerFeatures Features => features;

    /// <summary>The tag of each word; <paramref name="rules"/>: the rules' mark on each word (<see cref="RuleMarks"/>), if read.</summary>
    public int[] Tag(string[] words, string?[]? rules = null) => model.Decode(features.Extract(words, rules));

    /// <summary>The names in a sentence: (first word, end word exclusive, PER/ORG/LOC/MISC).</summary>
    public List<(int Start, int End, string Type)> Names(string[] words) => TaggedSentence.Spans(Tag(words));

    private static NameTagger LoadDefault()
    {
        using var stream = typeof(NameTagger).GetTypeInfo().Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing resource {Resource}");
        var model = NerModel.Load(stream);
        return new NameTagger(model, NerFeatures.Default(model.BucketBits));
    }
}
