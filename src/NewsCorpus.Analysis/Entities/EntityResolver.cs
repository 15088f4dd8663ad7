using System.Globalization;
using System.Text;

namespace NewsCorpus.Analysis.Entities;

/// <summary>One real-world entity: its canonical (most complete) name, its aliases, roles, and the mentions that name it.</summary>
public sealed class ResolvedEntity(EntityType type)
{
    public EntityType Type { get; } = type;

    public List<(int Document, EntityMention Mention)> Mentions { get; } = [];

    public SortedSet<string> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>A name from the gazetteer ("Islamic State" for ISIS) wins; otherwise the fullest name used most often.</summary>
    public string Canonical
    {
        get
        {
            var fromGazetteer = Mentions.Select(m => m.Mention.RefersTo).FirstOrDefault(r => r is not null);
            if (fromGazetteer is not null && Type != EntityType.Person)
            {
                return fromGazetteer;
            }

            return Mentions
                .GroupBy(m => m.Mention.Text, StringComparer.Ordinal)
                .OrderByDescending(g => EntityResolver.NameTokens(g.Key).Count)
                .ThenByDescending(g => g.Count())
                .ThenBy(g => g.Key.Length)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
        }
    }

    public IEnumerable<string> Aliases => Mentions.Select(m => m.Mention.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}

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

    public static List<ResolvedEntity> Resolve(IReadOnlyList<IReadOnlyList<EntityMention>> documents)
    {
        var entities = new List<ResolvedEntity>();
        var byKey = new Dictionary<string, ResolvedEntity>(StringComparer.Ordinal);
        var people = new PersonIndex();

        // A corpus names the same people and places millions of times: each distinct name is folded and keyed once.
        var skeletons = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var keys = new Dictionary<(EntityType, string), string>();
        for (var d = 0; d < documents.Count; d++)
        {
            // Within a document a surname alone means the person last named in full.
            var documentPeople = new List<(ResolvedEntity Entity, List<string> Skeleton)>();
            foreach (var mention in documents[d])
            {
                if (mention.Type == EntityType.Group)
                {
                    continue;
                }

                var entity = mention.Type == EntityType.Person
                    ? ResolvePerson(mention, documentPeople, people, entities, skeletons)
                    : ResolveNamed(mention, byKey, entities, keys);
                entity.Mentions.Add((d, mention));
                if (mention.Role is { } role)
                {
                    entity.Roles.Add(role);
                }
            }
        }

        LinkAcronyms(entities);
        return entities.Where(e => e.Mentions.Count > 0).ToList();
    }

    private static ResolvedEntity ResolvePerson(EntityMention mention, List<(ResolvedEntity Entity, List<string> Skeleton)> documentPeople,
        PersonIndex corpusPeople, List<ResolvedEntity> entities, Dictionary<string, List<string>> skeletons)
    {
        // Shared between mentions of the same text; never changed after this.
        if (!skeletons.TryGetValue(mention.Text, out var skeleton))
        {
            skeleton = NameTokens(mention.Text).Select(Skeleton).ToList();
            if (skeleton.Count == 0)
            {
                skeleton = [mention.Text.ToLowerInvariant()];
            }

            skeletons[mention.Text] = skeleton;
        }

        // The latest compatible person in this document, then a single unambiguous one in the corpus.
        for (var k = documentPeople.Count - 1; k >= 0; k--)
        {
            var candidate = documentPeople[k].Entity;
            if (Matches(skeleton, documentPeople[k].Skeleton) && Compatible(documentPeople, candidate, skeleton))
            {
                Extend(documentPeople, candidate, skeleton);
                corpusPeople.Add(candidate, skeleton);
                return candidate;
            }
        }

        var nearby = corpusPeople.Near(skeleton);
        var candidates = nearby.Where(p => Matches(skeleton, p.Skeleton)).Select(p => p.Entity).Distinct()
            .Where(e => Compatible(nearby, e, skeleton)).ToList();
        var exact = candidates.Where(e => nearby.Any(p => p.Entity == e && p.Skeleton.SequenceEqual(skeleton))).ToList();
        var chosen = exact.Count == 1 ? exact[0] : candidates.Count == 1 ? candidates[0] : null;
        if (chosen is null && skeleton.Count == 1 && candidates.Count > 1)
        {
            // A surname alone that several people in the corpus share, and nobody in this document: one entity for
            // all such mentions of that name, kept out of the corpus index, so it never absorbs a full name and the
            // index does not grow with every ambiguous mention (which made resolution quadratic).
            chosen = corpusPeople.Ambiguous(skeleton[0], entities);
            Extend(documentPeople, chosen, skeleton);
            return chosen;
        }

        if (chosen is null)
        {
            chosen = new ResolvedEntity(EntityType.Person);
            entities.Add(chosen);
        }

        Extend(documentPeople, chosen, skeleton);
        corpusPeople.Add(chosen, skeleton);
        return chosen;
    }

    /// <summary>The corpus's person names by the skeleton of their last word, so a lookup touches only people who could match.</summary>
    private sealed class PersonIndex
    {
        private readonly Dictionary<string, List<(ResolvedEntity Entity, List<string> Skeleton)>> _byLast = new(StringComparer.Ordinal);
        private readonly Dictionary<ResolvedEntity, List<List<string>>> _byEntity = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, ResolvedEntity> _ambiguous = new(StringComparer.Ordinal);

        public ResolvedEntity Ambiguous(string surname, List<ResolvedEntity> entities)
        {
            if (!_ambiguous.TryGetValue(surname, out var entity))
            {
                _ambiguous[surname] = entity = new ResolvedEntity(EntityType.Person);
                entities.Add(entity);
            }

            return entity;
        }

        public void Add(ResolvedEntity entity, List<string> skeleton)
        {
            if (!_byEntity.TryGetValue(entity, out var names))
            {
                _byEntity[entity] = names = [];
            }

            if (names.Any(n => n.SequenceEqual(skeleton)))
            {
                return;
            }

            names.Add(skeleton);
            foreach (var key in Keys(skeleton[^1]))
            {
                if (!_byLast.TryGetValue(key, out var list))
                {
                    _byLast[key] = list = [];
                }

                list.Add((entity, skeleton));
            }
        }

        /// <summary>Every name of every entity that has a name ending like this one, so compatibility can be checked on all of them.</summary>
        public List<(ResolvedEntity Entity, List<string> Skeleton)> Near(List<string> skeleton)
        {
            var entities = Keys(skeleton[^1]).SelectMany(k => _byLast.GetValueOrDefault(k) ?? []).Select(p => p.Entity).Distinct().ToList();
            return [.. entities.SelectMany(e => _byEntity[e].Select(n => (e, n)))];
        }

        // A glued word ("Mahdihad") is looked up under the name without it too.
        private static IEnumerable<string> Keys(string last)
        {
            yield return last;
            foreach (var suffix in s_gluedSuffixes)
            {
                if (last.Length - suffix.Length >= 3 && last.EndsWith(suffix, StringComparison.Ordinal))
                {
                    yield return last[..^suffix.Length];
                }
            }
        }
    }

    // A full name joins an entity only if it agrees with every full name the entity already has: Ivanka Trump never joins Donald Trump.
    private static bool Compatible(List<(ResolvedEntity Entity, List<string> Skeleton)> people, ResolvedEntity entity, List<string> skeleton) =>
        skeleton.Count < 2 || people.Where(p => p.Entity == entity && p.Skeleton.Count >= 2).All(p => Matches(p.Skeleton, skeleton));

    private static void Extend(List<(ResolvedEntity Entity, List<string> Skeleton)> people, ResolvedEntity entity, List<string> skeleton)
    {
        if (!people.Any(p => p.Entity == entity && p.Skeleton.SequenceEqual(skeleton)))
        {
            people.Add((entity, skeleton));
        }
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

    private static bool IsGlued(string x, string y)
    {
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return shorter.Length >= 3 && longer.StartsWith(shorter, StringComparison.Ordinal)
            && s_gluedSuffixes.Contains(longer[shorter.Length..]);
    }

    private static ResolvedEntity ResolveNamed(EntityMention mention, Dictionary<string, ResolvedEntity> byKey, List<ResolvedEntity> entities,
        Dictionary<(EntityType, string), string> keys)
    {
        var name = mention.RefersTo ?? mention.Text;
        if (!keys.TryGetValue((mention.Type, name), out var key))
        {
            keys[(mention.Type, name)] = key = $"{mention.Type}:{NameKey(name)}";
        }

        if (!byKey.TryGetValue(key, out var entity))
        {
            entity = new ResolvedEntity(mention.Type);
            entities.Add(entity);
            byKey[key] = entity;
        }

        return entity;
    }

    // "LSE" is the London School of Economics when exactly one organisation's initials spell it.
    private static void LinkAcronyms(List<ResolvedEntity> entities)
    {
        foreach (var acronym in entities.Where(e => e.Type == EntityType.Organization && e.Mentions.All(m => IsAcronym(m.Mention.Text))).ToList())
        {
            var letters = new string([.. acronym.Mentions[0].Mention.Text.Where(char.IsLetter)]);
            var matches = entities.Where(e => e != acronym && e.Type == EntityType.Organization && e.Mentions.Count > 0
                && string.Equals(Initials(e.Canonical), letters, StringComparison.Ordinal)).ToList();
            if (matches.Count == 1)
            {
                matches[0].Mentions.AddRange(acronym.Mentions);
                acronym.Mentions.Clear();
            }
        }
    }

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
