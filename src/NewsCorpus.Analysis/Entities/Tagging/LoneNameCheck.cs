using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// A second opinion on one-word people. The rules make a person of a capitalised word before a speech verb
/// ("Officials said", "China said", "PolitiFact rated"); the trained tagger reads such a word in its sentence and,
/// unless the text names a person with that surname, decides: a person stays, an organisation or a place changes
/// type, anything else is no entity. Longer names get the same second opinion when they start with no given name the
/// lists know (either as a given name or with its sex) and carry no title ("Home Depot", "Portion Fix Containers").
/// Only sentences holding such a name are tagged, so the cost is small.
/// </summary>
public static class LoneNameCheck
{
    public static List<EntityMention> Apply(IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, List<EntityMention> mentions,
        NameTagger tagger, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var surnames = mentions.Where(m => m.Type == EntityType.Person && m.Text.Contains(' ', StringComparison.Ordinal))
            .Select(m => m.Text[(m.Text.LastIndexOf(' ') + 1)..]).ToHashSet(StringComparer.Ordinal);
        var tagged = new Dictionary<int, (int First, int[] Tags)>();
        var result = new List<EntityMention>(mentions.Count);
        foreach (var mention in mentions)
        {
            var first = mention.Text.Split(' ')[0];
            var longer = mention.Text.Contains(' ', StringComparison.Ordinal);
            if (mention.Type != EntityType.Person || surnames.Contains(mention.Text) || gazetteer.IsGivenName(first) || gazetteer.SexOf(first) is not null
                || (longer && (mention.Role is not null || !char.IsUpper(first[0]) || first.Length < 2)))
            {
                result.Add(mention);
                continue;
            }

            var tag = TagAt(tokens, sentences, mention.Start, tagger, tagged);
            var type = tag is { } t && t != TagSet.O ? TagSet.TypeOf(t) : null;
            switch (type)
            {
                case "PER" or null when tag is null:
                    result.Add(mention); // not found in a sentence: leave as it was
                    break;
                case "PER":
                    result.Add(mention);
                    break;
                case "ORG":
                    result.Add(mention with { Type = EntityType.Organization, Role = null, RefersTo = gazetteer.Organization(mention.Text) });
                    break;
                case "LOC":
                    result.Add(mention with { Type = EntityType.Location, Role = null, RefersTo = gazetteer.Location(mention.Text) });
                    break;
                default:
                    break; // "Officials", "Conversely", "Obamacare": no one
            }
        }

        return result;
    }

    private static int? TagAt(IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, int position, NameTagger tagger, Dictionary<int, (int First, int[] Tags)> cache)
    {
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            if (position < sentence.Start || position >= sentence.End)
            {
                continue;
            }

            if (!cache.TryGetValue(s, out var tagged))
            {
                var words = new string[sentence.TokenCount];
                for (var k = 0; k < words.Length; k++)
                {
                    words[k] = tokens[sentence.FirstToken + k].Text;
                }

                cache[s] = tagged = (sentence.FirstToken, tagger.Tag(words));
            }

            for (var k = 0; k < tagged.Tags.Length; k++)
            {
                if (tokens[tagged.First + k].Start == position)
                {
                    return tagged.Tags[k];
                }
            }

            return null;
        }

        return null;
    }
}
