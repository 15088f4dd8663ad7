namespace NewsCorpus.Web.Search;

/// <summary>
/// Counts the facets of a set of hits over arrays indexed by article id: each article's outlet and month as a number
/// (-1 for none) and its entities as numbers, all articles' entities in one flat array (one read per article, not one
/// small array each). Large hit sets are counted on every core, each part into its own counts, then summed. Articles
/// the arrays do not cover are returned for the caller to look up.
/// </summary>
internal sealed class FacetCounter
{
    private const int PartSize = 50_000;

    private readonly int[] _outletOf;
    private readonly int _outletCount;
    private readonly int[] _monthOf;
    private readonly int _monthCount;
    private readonly int _entityCount;
    private readonly int[] _entityStarts;
    private readonly int[] _entities;

    public FacetCounter(int[] outletOf, int outletCount, int[] monthOf, int monthCount, int[][] entitiesOf, int entityCount)
    {
        (_outletOf, _outletCount, _monthOf, _monthCount, _entityCount) = (outletOf, outletCount, monthOf, monthCount, entityCount);
        _entityStarts = new int[entitiesOf.Length + 1];
        for (var id = 0; id < entitiesOf.Length; id++)
        {
            _entityStarts[id + 1] = _entityStarts[id] + entitiesOf[id].Length;
        }

        _entities = new int[_entityStarts[^1]];
        for (var id = 0; id < entitiesOf.Length; id++)
        {
            entitiesOf[id].CopyTo(_entities, _entityStarts[id]);
        }
    }

    public sealed record Counts(int[] Outlets, int[] Months, int[] Entities, List<int> Unknown);

    public Counts Count(ArraySegment<int> ids)
    {
        var parts = Math.Clamp(ids.Count / PartSize, 1, Environment.ProcessorCount);
        var results = new Counts[parts];
        Parallel.For(0, parts, p =>
        {
            var from = (int)((long)ids.Count * p / parts);
            var to = (int)((long)ids.Count * (p + 1) / parts);
            results[p] = CountPart(ids.AsSpan(from, to - from));
        });

        var total = results[0];
        for (var p = 1; p < parts; p++)
        {
            Add(total.Outlets, results[p].Outlets);
            Add(total.Months, results[p].Months);
            Add(total.Entities, results[p].Entities);
            total.Unknown.AddRange(results[p].Unknown);
        }

        return total;
    }

    private Counts CountPart(ReadOnlySpan<int> ids)
    {
        var counts = new Counts(new int[_outletCount], new int[_monthCount], new int[_entityCount], []);
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)_outletOf.Length || _outletOf[id] < 0)
            {
                counts.Unknown.Add(id);
                continue;
            }

            counts.Outlets[_outletOf[id]]++;
            if (_monthOf[id] >= 0)
            {
                counts.Months[_monthOf[id]]++;
            }

            for (var k = _entityStarts[id]; k < _entityStarts[id + 1]; k++)
            {
                counts.Entities[_entities[k]]++;
            }
        }

        return counts;
    }

    private static void Add(int[] into, int[] more)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += more[i];
        }
    }
}
