using System.Globalization;
using System.Text;

namespace NewsCorpus.Analysis.Entities;

/// <summary>
/// Clusters mentions into entities, within a document and across a corpus: titles stripped, hyphens and
/// spacing ignored, transliterations compared by consonant skeleton (Qassem/Qasem, Rohani/Rouhani, Adel/Adil),
/// a surname alone linked to the full name it follows, aliases from the gazetteer (ISIS/Daesh/Islamic State),
/// acronyms to the names whose initials they spell. Different people who share a surname stay apart.
/// </summary>
public static class EntityResolver
{
    private static readonly HashSet<string> s_gluedWords = new(StringComparer.Ordinal) { "had", "has", "was", "is", "said", "says", "and", "who" };

    // The skeletons a glued word leaves at the end of a name ("Mahdihad" ends in "hd" or, after a consonant, "d"), worked out once.
    private static readonly string[] s_gluedSuffixes =
        [.. s_gluedWords.SelectMany(w => new[] { Skeleton(w), Skeleton("x" + w)[1..] }).Where(x => x.Length > 0).Distinct()];

    /// <summary>
    /// Resolves the documents' mentions into entities. With <paramref name="stored"/>, against the entities the corpus
    /// already holds: a stored entity that gets new mentions is returned with them (and its <see cref="ResolvedEntity.StoredId"/>),
    /// a new one with the keys to file it under. Without it, from nothing (the whole corpus, or one article).
    /// </summary>
    public static List<ResolvedEntity> Resolve(IReadOnlyList<IReadOnlyList<EntityMention>> documents, EntityIndex? stored = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        stored ??= EntityIndex.Empty;
        var entities = new List<ResolvedEntity>();
        var byKey = new Dictionary<string, ResolvedEntity>(StringComparer.Ordinal);
        var keys = new Dictionary<(EntityType, string), string>();
        var people = new PersonResolver(entities, stored);
        for (var d = 0; d < documents.Count; d++)
        {
            var documentPeople = new List<(int Index, EntityMention Mention)>();
            for (var i = 0; i < documents[d].Count; i++)
            {
                var mention = documents[d][i];
                if (mention.Type == EntityType.Person)
                {
                    documentPeople.Add((i, mention));
                }
                else if (mention.Type != EntityType.Group)
                {
                    Add(ResolveNamed(mention, byKey, entities, keys, stored), d, mention);
                }
            }

            people.AddDocument(d, documentPeople);
        }

        people.Finish();
        LinkAcronyms(entities, stored);

        // Stored entities first: where two share a name, the stored one keeps its id.
        var touched = stored.Entries.SelectMany(e => e.Value).Concat(entities).Distinct().Where(e => e.Mentions.Count > 0)
            .OrderBy(e => e.StoredId is null);
        return MergeSameNames(touched);
    }

    /// <summary>The index keys a resolution of these documents may look up: what to read from the store before it.</summary>
    public static HashSet<string> LookupKeys(IEnumerable<IReadOnlyList<EntityMention>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mention in documents.SelectMany(d => d))
        {
            if (mention.Type == EntityType.Person)
            {
                PersonResolver.AddLookupKeys(mention.Text, keys);
            }
            else if (mention.Type != EntityType.Group)
            {
                var name = mention.RefersTo ?? mention.Text;
                if (!names.TryGetValue(name, out var key))
                {
                    names[name] = key = NameKey(name);
                }

                keys.Add(EntityIndex.Named(mention.Type, key));
                if (mention.Type == EntityType.Organization)
                {
                    // An acronym looks for the names it spells; a name for the acronym of its initials.
                    var letters = IsAcronym(mention.Text) ? Letters(mention.Text) : Initials(name);
                    keys.Add(EntityIndex.Initials(letters));
                    keys.Add(EntityIndex.Named(EntityType.Organization, letters.ToLowerInvariant()));
                }
            }
        }

        return keys;
    }

    internal static void Add(ResolvedEntity entity, int document, EntityMention mention)
    {
        entity.Mentions.Add((document, mention));
        if (mention.Role is { } role)
        {
            entity.Roles.Add(role);
        }
    }

    // No two entities of a type may share a name: where resolution kept two apart under one name, they are one.
    private static List<ResolvedEntity> MergeSameNames(IEnumerable<ResolvedEntity> entities)
    {
        var result = new List<ResolvedEntity>();
        var byName = new Dictionary<(EntityType, string), ResolvedEntity>();
        foreach (var entity in entities)
        {
            var key = (entity.Type, entity.Canonical);
            if (byName.TryGetValue(key, out var first))
            {
                first.Mentions.AddRange(entity.Mentions);
                first.Roles.UnionWith(entity.Roles);
                first.Absorb(entity);
            }
            else
            {
                byName[key] = entity;
                result.Add(entity);
            }
        }

        return result;
    }

    /// <summary>
    /// Two person names match when one's tokens end the other's ("Abdul Mahdi" in "Adel Abdul Mahdi"), token by token
    /// by consonant skeleton, or when they differ only by a glued word ("Mahdihad"). Full names with different given
    /// names never match.
    /// </summary>
    public static bool Matches(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        if (shorter.Count == 0)
        {
            return false;
        }

        var offset = longer.Count - shorter.Count;
        for (var i = 0; i < shorter.Count; i++)
        {
            var x = shorter[i];
            var y = longer[offset + i];
            if (x == y)
            {
                continue;
            }

            var isLast = i == shorter.Count - 1;
            if (isLast && IsGlued(x, y))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>A name word's skeleton without a word glued to its end ("mhdhd" → "mhd"), or the skeleton itself.</summary>
    public static string WithoutGluedWord(string skeleton)
    {
        foreach (var suffix in s_gluedSuffixes)
        {
            if (skeleton.Length - suffix.Length >= 3 && skeleton.EndsWith(suffix, StringComparison.Ordinal))
            {
                return skeleton[..^suffix.Length];
            }
        }

        return skeleton;
    }

    private static bool IsGlued(string x, string y)
    {
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return shorter.Length >= 3 && longer.StartsWith(shorter, StringComparison.Ordinal)
            && s_gluedSuffixes.Contains(longer[shorter.Length..]);
    }

    private static ResolvedEntity ResolveNamed(EntityMention mention, Dictionary<string, ResolvedEntity> byKey, List<ResolvedEntity> entities,
        Dictionary<(EntityType, string), string> keys, EntityIndex stored)
    {
        var name = mention.RefersTo ?? mention.Text;
        if (!keys.TryGetValue((mention.Type, name), out var key))
        {
            keys[(mention.Type, name)] = key = EntityIndex.Named(mention.Type, NameKey(name));
        }

        if (!byKey.TryGetValue(key, out var entity))
        {
            entity = stored.First(key);
            if (entity is null)
            {
                entity = new ResolvedEntity(mention.Type);
                entity.File(key);
                entities.Add(entity);
            }

            byKey[key] = entity;
        }

        return entity;
    }

    // "LSE" is the London School of Economics when exactly one organisation's initials spell it (stored ones included).
    private static void LinkAcronyms(List<ResolvedEntity> entities, EntityIndex stored)
    {
        var organisations = entities.Where(e => e.Type == EntityType.Organization && e.Mentions.Count > 0).ToList();
        foreach (var acronym in organisations.Where(e => e.StoredId is null && e.Mentions.All(m => IsAcronym(m.Mention.Text))).ToList())
        {
            var letters = Letters(acronym.Mentions[0].Mention.Text);
            var matches = organisations.Where(e => e != acronym && e.Mentions.Count > 0 && string.Equals(Initials(e.Canonical), letters, StringComparison.Ordinal))
                .Concat(stored.Find(EntityIndex.Initials(letters)))
                .Distinct().ToList();
            if (matches.Count == 1)
            {
                matches[0].Mentions.AddRange(acronym.Mentions);
                acronym.Mentions.Clear();
            }
        }

        AdoptStoredAcronyms(organisations, stored);

        // New organisations are filed under their initials, for acronyms that come later.
        foreach (var organisation in organisations.Where(e => e.StoredId is null && e.Mentions.Count > 0))
        {
            var initials = Initials(organisation.Canonical);
            if (initials.Length >= 2 && !organisation.Mentions.All(m => IsAcronym(m.Mention.Text)))
            {
                organisation.File(EntityIndex.Initials(initials));
            }
        }
    }

    // An acronym stored before the name it spells ("AI" first, "Annenberg Institute" later): when exactly one organisation
    // has those initials, the stored acronym entity takes in the name's mentions (and keeps its id), as resolving all at once would.
    private static void AdoptStoredAcronyms(List<ResolvedEntity> organisations, EntityIndex stored)
    {
        var named = organisations.Where(e => e.StoredId is null && e.Mentions.Count > 0 && !e.Mentions.All(m => IsAcronym(m.Mention.Text)));
        foreach (var group in named.GroupBy(e => Initials(e.Canonical)).Where(g => g.Key.Length >= 2 && g.Count() == 1))
        {
            if (stored.Find(EntityIndex.Initials(group.Key)).Count > 0
                || stored.First(EntityIndex.Named(EntityType.Organization, group.Key.ToLowerInvariant())) is not { } acronym
                || acronym.StoredAliases.Count == 0 || !acronym.StoredAliases.Keys.All(IsAcronym))
            {
                continue;
            }

            var organisation = group.Single();
            acronym.Mentions.AddRange(organisation.Mentions);
            organisation.Mentions.Clear();
            organisation.NewKeys.ForEach(acronym.File);
            acronym.File(EntityIndex.Initials(group.Key));
        }
    }

    private static string Letters(string acronym) => new([.. acronym.Where(char.IsLetter)]);

    private static bool IsAcronym(string text) => text.Length is >= 2 and <= 8 && text.Count(char.IsUpper) >= 2 && text.All(c => char.IsUpper(c) || c == '.');

    private static string Initials(string name) =>
        new([.. name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0])]);

    /// <summary>A name's words, lower-cased, without diacritics, split at spaces and hyphens.</summary>
    public static List<string> NameTokens(string name)
    {
        var folded = RemoveDiacritics(name).ToLowerInvariant();
        return folded.Split([' ', '-', '‐', '–', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new string([.. t.Where(char.IsLetter)]))
            .Where(t => t.Length > 0)
            .ToList();
    }

    /// <summary>First letter, then consonants with doubles collapsed: "qassem" and "qasem" are both "qsm".</summary>
    public static string Skeleton(string token)
    {
        if (token.Length == 0)
        {
            return token;
        }

        var builder = new StringBuilder(token.Length);
        builder.Append(token[0]);
        for (var i = 1; i < token.Length; i++)
        {
            var c = token[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' || !char.IsLetter(c))
            {
                continue;
            }

            if (builder[^1] != c)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string NameKey(string name) => string.Join(' ', NameTokens(name));

    private static string RemoveDiacritics(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
