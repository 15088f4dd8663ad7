namespace NewsCorpus.Analysis.Entities;

/// <summary>
/// One real-world entity: its canonical (most complete) name, its aliases, roles, and the mentions that name it. An
/// entity the corpus already stores carries what the store knows of it (its id, name, alias counts, article count), so
/// new mentions resolved against the store name it as the whole corpus does.
/// </summary>
public sealed class ResolvedEntity(EntityType type)
{
    private static readonly Dictionary<string, int> s_none = [];

    public EntityType Type { get; } = type;

    /// <summary>The stored entity this is, or null for an entity first seen in this resolution.</summary>
    public int? StoredId { get; init; }

    /// <summary>The stored entity's name.</summary>
    public string? StoredName { get; init; }

    /// <summary>How many stored mentions use each alias.</summary>
    public IReadOnlyDictionary<string, int> StoredAliases { get; init; } = s_none;

    /// <summary>How many stored articles name the entity: weighs it when a lone surname could mean several people.</summary>
    public int StoredArticles { get; init; }

    /// <summary>Stored entities that turned out to be this one (the same name once new mentions are counted).</summary>
    public List<int> AbsorbedIds { get; } = [];

    /// <summary>The index keys this resolution filed the entity under (see <see cref="EntityIndex"/>).</summary>
    public List<string> NewKeys { get; } = [];

    /// <summary>The mentions resolved to it in this resolution.</summary>
    public List<(int Document, EntityMention Mention)> Mentions { get; } = [];

    public SortedSet<string> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>A name from the gazetteer ("Islamic State" for ISIS) wins; otherwise the fullest name used most often.</summary>
    public string Canonical
    {
        get
        {
            if (Type != EntityType.Person)
            {
                var fromGazetteer = Mentions.Select(m => m.Mention.RefersTo).FirstOrDefault(r => r is not null)
                    ?? StoredAliases.Keys.Order(StringComparer.Ordinal).Select(GazetteerName).FirstOrDefault(r => r is not null);
                if (fromGazetteer is not null)
                {
                    return fromGazetteer;
                }
            }

            var counts = NameCounts();
            return Type == EntityType.Person ? PersonResolver.Canonical(counts) : CanonicalOf(counts);
        }
    }

    public IEnumerable<string> Aliases => NameCounts().Keys.Order(StringComparer.Ordinal);

    /// <summary>How many mentions, stored and new, use each name.</summary>
    public Dictionary<string, int> NameCounts()
    {
        var counts = new Dictionary<string, int>(StoredAliases, StringComparer.Ordinal);
        foreach (var (_, mention) in Mentions)
        {
            counts[mention.Text] = counts.GetValueOrDefault(mention.Text) + 1;
        }

        return counts;
    }

    /// <summary>Takes over what another entity of the same name was filed under and, if stored, its id.</summary>
    internal void Absorb(ResolvedEntity other)
    {
        if (other.StoredId is { } id && id != StoredId)
        {
            AbsorbedIds.Add(id);
        }

        AbsorbedIds.AddRange(other.AbsorbedIds);
        other.NewKeys.ForEach(File);
    }

    internal void File(string key)
    {
        if (!NewKeys.Contains(key))
        {
            NewKeys.Add(key);
        }
    }

    private string? GazetteerName(string alias) => Type switch
    {
        EntityType.Organization => Gazetteer.Default.Organization(alias),
        EntityType.Location => Gazetteer.Default.Location(alias),
        _ => null,
    };

    private static string CanonicalOf(Dictionary<string, int> counts) => counts
        .OrderByDescending(c => EntityResolver.NameTokens(c.Key).Count)
        .ThenByDescending(c => c.Value)
        .ThenBy(c => c.Key.Length)
        .ThenBy(c => c.Key, StringComparer.Ordinal)
        .First().Key;
}
