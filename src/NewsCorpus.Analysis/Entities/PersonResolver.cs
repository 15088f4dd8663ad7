namespace NewsCorpus.Analysis.Entities;

/// <summary>
/// Resolves person mentions into people. Within a document, full names (two words or more, middle initials and titles
/// aside) that agree form one person, and a lone surname goes to the person of that surname the document names nearest
/// to it (before it, else after it); a lone given name to the one person the document names with it. Across documents,
/// people join by given name and surname (by consonant skeleton, so transliterations agree) and generational suffix, so
/// Bill, Hillary and Chelsea Clinton stay apart and Donald Trump Jr. is not his father; a two-word name joins a longer
/// one it ends ("Abdul Mahdi", "Adel Abdul Mahdi") when only one person has such a name. A surname that no document
/// explains goes to the one person of that surname, or the one most documents name, or else to one entity for the surname.
/// </summary>
internal sealed class PersonResolver(List<ResolvedEntity> entities, EntityIndex stored)
{
    /// <summary>The share of the documents naming people of a surname one of them needs for a lone surname to mean them.</summary>
    private const double DominantShare = 0.75;

    private static readonly HashSet<string> s_suffixes = new(StringComparer.Ordinal) { "jr", "sr", "ii", "iii", "iv" };

    private readonly Dictionary<string, Name> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResolvedEntity> _byFullKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ResolvedEntity>> _byTail = new(StringComparer.Ordinal);
    private readonly Dictionary<ResolvedEntity, HashSet<int>> _documents = new(ReferenceEqualityComparer.Instance);
    private readonly List<(string Word, int Document, List<EntityMention> Mentions)> _unexplained = [];

    // Keys whose stored entities were copied into the dictionaries above: each is read from the store once.
    private readonly HashSet<string> _seeded = new(StringComparer.Ordinal);

    /// <summary>A name as compared: word skeletons without initials or a generational suffix, and that suffix.</summary>
    private sealed record Name(string[] Words, string Suffix)
    {
        public bool IsFull => Words.Length >= 2;

        public string Key => $"{Words[0]}|{Words[^1]}|{Suffix}";

        /// <summary>The surname and suffix: what a lone surname is looked up by.</summary>
        public string SurnameKey => $"{Words[^1]}|{Suffix}";

        /// <summary>Every word, for telling apart names that share a key ("Adel Abdul Mahdi" and "Adel Mahdi").</summary>
        public string Spelled => $"{string.Join(' ', Words)}|{Suffix}";

        /// <summary>The last two words of a longer name, as the key of the two-word name they would be.</summary>
        public string? Tail => Words.Length >= 3 ? $"{Words[^2]}|{Words[^1]}|{Suffix}" : null;
    }

    public void AddDocument(int document, List<(int Index, EntityMention Mention)> mentions)
    {
        var people = new List<DocumentPerson>();
        var singles = new List<(int Index, EntityMention Mention, Name Name)>();
        foreach (var (index, mention) in mentions)
        {
            var name = NameOf(mention.Text);
            if (name.Words.Length == 0)
            {
                continue;
            }

            if (!name.IsFull)
            {
                singles.Add((index, mention, name));
                continue;
            }

            var person = people.FirstOrDefault(p => p.Names.Any(n => SamePerson(n, name)));
            if (person is null)
            {
                people.Add(person = new DocumentPerson());
            }

            person.Add(index, mention, name);
        }

        var unexplained = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
        foreach (var (index, mention, name) in singles)
        {
            if (Nearest(people, index, name.Words[0]) is { } person)
            {
                person.Add(index, mention, name);
            }
            else
            {
                var word = name.Words[0] + "|" + name.Suffix;
                if (!unexplained.TryGetValue(word, out var list))
                {
                    unexplained[word] = list = [];
                }

                list.Add(mention);
            }
        }

        foreach (var person in people)
        {
            var entity = Place(person);
            foreach (var mention in person.Mentions)
            {
                EntityResolver.Add(entity, document, mention);
            }

            Documents(entity).Add(document);
        }

        foreach (var (word, list) in unexplained)
        {
            _unexplained.Add((word, document, list));
        }
    }

    /// <summary>Places the lone names no document explained, once every full name of the corpus is known.</summary>
    public void Finish()
    {
        var bySurname = new Dictionary<string, List<ResolvedEntity>>(StringComparer.Ordinal);
        var byGiven = new Dictionary<string, List<ResolvedEntity>>(StringComparer.Ordinal);
        foreach (var (key, entity) in _byFullKey)
        {
            var parts = key.Split('|');
            AddTo(bySurname, parts[1] + "|" + parts[2], entity);
            AddTo(byGiven, parts[0], entity);
        }

        var ambiguous = new Dictionary<string, ResolvedEntity>(StringComparer.Ordinal);
        foreach (var (word, document, mentions) in _unexplained)
        {
            var given = word.Split('|')[0];
            foreach (var known in stored.Find(EntityIndex.Surname(word)))
            {
                AddTo(bySurname, word, known);
            }

            foreach (var known in stored.Find(EntityIndex.Given(given)))
            {
                AddTo(byGiven, given, known);
            }

            var entity = Dominant(bySurname.GetValueOrDefault(word))
                ?? (byGiven.GetValueOrDefault(given) is [var only] && word.EndsWith('|') ? only : null);
            if (entity is null && !ambiguous.TryGetValue(word, out entity))
            {
                entity = stored.First(EntityIndex.Unexplained(word));
                if (entity is null)
                {
                    entity = New();
                    entity.File(EntityIndex.Unexplained(word));
                }

                ambiguous[word] = entity;
            }

            foreach (var mention in mentions)
            {
                EntityResolver.Add(entity, document, mention);
            }
        }
    }

    /// <summary>The keys resolving a person's name may look up in the store.</summary>
    public static void AddLookupKeys(string text, HashSet<string> keys)
    {
        var name = Parse(text);
        if (name.Words.Length == 0)
        {
            return;
        }

        if (!name.IsFull)
        {
            var word = name.Words[0] + "|" + name.Suffix;
            keys.Add(EntityIndex.Surname(word));
            keys.Add(EntityIndex.Given(name.Words[0]));
            keys.Add(EntityIndex.Unexplained(word));
            return;
        }

        keys.Add(EntityIndex.Full(name.Key));
        keys.Add(EntityIndex.Full(Unglued(name).Key));
        keys.Add(EntityIndex.Tail(name.Key));
        if (name.Tail is { } tail)
        {
            keys.Add(EntityIndex.Full(tail));
        }
    }

    /// <summary>The name a person goes by: the most used of their complete names (no other name of theirs ends with more words).</summary>
    public static string Canonical(IReadOnlyDictionary<string, int> nameCounts)
    {
        var counted = nameCounts.Select(c => (Text: c.Key, Count: c.Value, Name: Parse(c.Key))).ToList();
        var full = counted.Where(c => c.Name.IsFull).ToList();
        if (full.Count == 0)
        {
            return counted.OrderByDescending(c => c.Count).ThenBy(c => c.Text, StringComparer.Ordinal).First().Text;
        }

        var complete = full.Where(c => !full.Any(o => o.Name.Words.Length > c.Name.Words.Length && EndsWith(o.Name.Words, c.Name.Words))).ToList();
        return complete
            .OrderByDescending(c => c.Count).ThenByDescending(c => c.Name.Words.Length).ThenBy(c => c.Text.Length).ThenBy(c => c.Text, StringComparer.Ordinal)
            .First().Text;
    }

    private ResolvedEntity Place(DocumentPerson person)
    {
        var fullNames = person.Names.Where(n => n.IsFull).ToList();
        var entity = fullNames.Select(n => FullNamed(n.Key) ?? FullNamed(Unglued(n).Key)).FirstOrDefault(e => e is not null)
            ?? fullNames.Select(n => Unique(Tailed(n.Key))).FirstOrDefault(e => e is not null)
            ?? fullNames.Where(n => n.Tail is not null).Select(n => FullNamed(n.Tail!)).FirstOrDefault(e => e is not null)
            ?? New();
        foreach (var name in fullNames)
        {
            if (FullNamed(name.Key) is null)
            {
                _byFullKey[name.Key] = entity;
                entity.File(EntityIndex.Full(name.Key));
                entity.File(EntityIndex.Surname(name.SurnameKey));
                entity.File(EntityIndex.Given(name.Words[0]));
            }

            if (name.Tail is { } tail && !(Tailed(tail)?.Contains(entity) ?? false))
            {
                AddTo(_byTail, tail, entity);
                entity.File(EntityIndex.Tail(tail));
            }
        }

        return entity;
    }

    // The person a full-name key names: in this resolution, else in the store (copied in on first use).
    private ResolvedEntity? FullNamed(string key)
    {
        if (_seeded.Add("F" + key) && stored.Find(EntityIndex.Full(key)) is [var known, ..])
        {
            _byFullKey.TryAdd(key, known);
        }

        return _byFullKey.GetValueOrDefault(key);
    }

    // The people whose longer names end in these two words: in this resolution and in the store.
    private List<ResolvedEntity>? Tailed(string key)
    {
        if (_seeded.Add("T" + key))
        {
            foreach (var known in stored.Find(EntityIndex.Tail(key)))
            {
                AddTo(_byTail, key, known);
            }
        }

        return _byTail.GetValueOrDefault(key);
    }

    private ResolvedEntity New()
    {
        var entity = new ResolvedEntity(EntityType.Person);
        entities.Add(entity);
        return entity;
    }

    private HashSet<int> Documents(ResolvedEntity entity)
    {
        if (!_documents.TryGetValue(entity, out var set))
        {
            _documents[entity] = set = [];
        }

        return set;
    }

    // One person, or the one that most of the documents naming people of this surname name.
    private ResolvedEntity? Dominant(List<ResolvedEntity>? people)
    {
        if (people is null || people.Count == 0)
        {
            return null;
        }

        var distinct = people.Distinct().ToList();
        if (distinct.Count == 1)
        {
            return distinct[0];
        }

        var counts = distinct.Select(p => (Person: p, Documents: (_documents.GetValueOrDefault(p)?.Count ?? 0) + p.StoredArticles))
            .OrderByDescending(p => p.Documents).ToList();
        var total = counts.Sum(c => c.Documents);
        return total > 0 && counts[0].Documents >= total * DominantShare ? counts[0].Person : null;
    }

    private static ResolvedEntity? Unique(List<ResolvedEntity>? list) => list is { Count: > 0 } && list.Distinct().Count() == 1 ? list[0] : null;

    private static void AddTo(Dictionary<string, List<ResolvedEntity>> index, string key, ResolvedEntity entity)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(entity))
        {
            list.Add(entity);
        }
    }

    // The person of this document nearest the lone word: by surname (nearest full mention before it, else after it), else by given name if only one.
    private static DocumentPerson? Nearest(List<DocumentPerson> people, int index, string word)
    {
        var bySurname = people.Where(p => p.Names.Any(n => n.IsFull && (n.Words[^1] == word || IsGlued(n.Words[^1], word)))).ToList();
        if (bySurname.Count > 0)
        {
            var before = bySurname.Select(p => (Person: p, At: p.FullAt.Where(i => i < index).DefaultIfEmpty(-1).Max())).Where(p => p.At >= 0).OrderByDescending(p => p.At).FirstOrDefault();
            return before.Person ?? bySurname.OrderBy(p => p.FullAt.Where(i => i > index).DefaultIfEmpty(int.MaxValue).Min()).First();
        }

        var byGiven = people.Where(p => p.Names.Any(n => n.IsFull && n.Words[0] == word)).ToList();
        return byGiven.Count == 1 ? byGiven[0] : null;
    }

    // Two full names in one document are one person when given name, surname and suffix agree, or one's words end the other's.
    private static bool SamePerson(Name a, Name b)
    {
        if (a.Suffix != b.Suffix)
        {
            return false;
        }

        var (shorter, longer) = a.Words.Length <= b.Words.Length ? (a.Words, b.Words) : (b.Words, a.Words);
        return (a.Words[0] == b.Words[0] && (a.Words[^1] == b.Words[^1] || IsGlued(a.Words[^1], b.Words[^1]))) || EndsWith(longer, shorter);
    }

    private static bool EndsWith(string[] longer, string[] shorter) =>
        shorter.Length >= 2 && longer.Length > shorter.Length && longer.AsSpan(longer.Length - shorter.Length).SequenceEqual(shorter);

    private static bool IsGlued(string x, string y) => x != y && EntityResolver.Matches([x], [y]);

    private static Name Unglued(Name name)
    {
        var last = name.Words[^1];
        var stripped = EntityResolver.WithoutGluedWord(last);
        return stripped == last ? name : name with { Words = [.. name.Words[..^1], stripped] };
    }

    private Name NameOf(string text)
    {
        if (!_names.TryGetValue(text, out var name))
        {
            _names[text] = name = Parse(text);
        }

        return name;
    }

    private static Name Parse(string text)
    {
        var tokens = EntityResolver.NameTokens(text);
        var suffix = tokens.Count > 1 && s_suffixes.Contains(tokens[^1]) ? tokens[^1] : "";
        if (suffix.Length > 0)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        // Middle initials say nothing a full name does not ("Donald J. Trump"); a lone initial is no name.
        var words = tokens.Count > 1 ? tokens.Where((t, i) => t.Length > 1 || i == tokens.Count - 1).ToList() : tokens;
        return new Name([.. words.Select(EntityResolver.Skeleton)], suffix);
    }

    private sealed class DocumentPerson
    {
        public List<Name> Names { get; } = [];

        public List<EntityMention> Mentions { get; } = [];

        /// <summary>Where the document names this person in full (mention positions), for placing lone surnames.</summary>
        public List<int> FullAt { get; } = [];

        public void Add(int index, EntityMention mention, Name name)
        {
            Mentions.Add(mention);
            if (name.IsFull)
            {
                FullAt.Add(index);
            }

            if (!Names.Any(n => n.Spelled == name.Spelled))
            {
                Names.Add(name);
            }
        }
    }
}
