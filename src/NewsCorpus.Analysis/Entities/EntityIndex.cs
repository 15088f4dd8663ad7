namespace NewsCorpus.Analysis.Entities;

/// <summary>
/// The stored entities a resolution starts from, each filed under the keys the corpus looks names up by: a named
/// entity's folded name ("N:"), a person's given name + surname + suffix ("F:"), the last two words of a longer name
/// ("T:"), a surname ("S:") or given name ("G:") of a full name, a lone surname no article explained ("U:"), an
/// organisation's initials ("A:"). New mentions are resolved against it instead of re-reading the corpus.
/// </summary>
public sealed class EntityIndex
{
    private readonly Dictionary<string, List<ResolvedEntity>> _byKey = new(StringComparer.Ordinal);

    public static EntityIndex Empty => new();

    public int Count => _byKey.Count;

    public void Add(string key, ResolvedEntity entity)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entity);
        if (!_byKey.TryGetValue(key, out var list))
        {
            _byKey[key] = list = [];
        }

        if (!list.Contains(entity))
        {
            list.Add(entity);
        }
    }

    /// <summary>The stored entities filed under a key, in the order they were added.</summary>
    public IReadOnlyList<ResolvedEntity> Find(string key) => _byKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>The first stored entity filed under a key, or null.</summary>
    public ResolvedEntity? First(string key) => _byKey.TryGetValue(key, out var list) && list.Count > 0 ? list[0] : null;

    public IEnumerable<KeyValuePair<string, List<ResolvedEntity>>> Entries => _byKey;

    internal static string Named(EntityType type, string nameKey) => $"N:{type}:{nameKey}";

    internal static string Full(string key) => "F:" + key;

    internal static string Tail(string key) => "T:" + key;

    internal static string Surname(string surnameAndSuffix) => "S:" + surnameAndSuffix;

    internal static string Given(string given) => "G:" + given;

    internal static string Unexplained(string surnameAndSuffix) => "U:" + surnameAndSuffix;

    internal static string Initials(string letters) => "A:" + letters;
}
