using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Finds the one outlet a file's publisher names belong to. Every name is an alias with a unique folded key; a page
/// that names two outlets known so far ("The Jerusalem Post" and "JPost.com") shows they are one, and they are merged
/// into the older one, articles and aliases included.
/// </summary>
public sealed class OutletDirectory(NewsCorpusDbContext db, ILogger<OutletDirectory> logger)
{
    private const int MaxName = 200;

    public async Task<Outlet> FindOrAddAsync(string name, IReadOnlyList<string> otherNames, CancellationToken cancellationToken)
    {
        var names = new[] { name }.Concat(otherNames).Select(n => Limit(n.Trim())).Where(n => n.Length > 0)
            .DistinctBy(Outlet.Normalize).ToList();
        var keys = names.Select(Outlet.Normalize).ToList();
        var (added, known) = TrackedOutlets(keys);

        // An outlet added for an earlier file of the same block is not in the database yet.
        if (added is not null)
        {
            AddAliases(added, names, keys);
            return added;
        }

        // One read for an earlier file of the block, with its aliases: when it has every name this file gives, the
        // database would answer with it alone (a key is one outlet's), so a block of one outlet's files asks once.
        if (known is not null)
        {
            PreferReadableName(known, names[0]);
            return known;
        }

        var outletIds = await db.OutletAliases.Where(a => keys.Contains(a.Key)).Select(a => a.OutletId)
            .Union(db.Outlets.Where(o => keys.Contains(o.NormalizedName)).Select(o => o.Id))
            .Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        var outlet = outletIds.Count == 0
            ? db.Outlets.Add(new Outlet { Name = names[0], NormalizedName = keys[0] }).Entity
            : await db.Outlets.Include(o => o.Aliases).SingleAsync(o => o.Id == outletIds[0], cancellationToken);
        foreach (var otherId in outletIds.Skip(1))
        {
            await MergeAsync(outlet, otherId, cancellationToken);
        }

        PreferReadableName(outlet, names[0]);
        AddAliases(outlet, names, keys);
        return outlet;
    }

    // The outlets tracked so far that carry these keys. Listing entries would first detect changes in every tracked
    // article of the block (their blobs and navigations), for each file: a fifth of the storing time. Outlets change
    // only here, and their aliases are read from the collections themselves, so nothing needs detecting.
    private (Outlet? Added, Outlet? Known) TrackedOutlets(List<string> keys)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var entries = tracker.Entries<Outlet>().ToList();
            var added = entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity)
                .FirstOrDefault(o => keys.Contains(o.NormalizedName) || o.Aliases.Any(a => keys.Contains(a.Key)));
            var known = entries.Where(e => e.State is EntityState.Unchanged or EntityState.Modified).Select(e => e.Entity)
                .FirstOrDefault(o => keys.All(k => o.Aliases.Any(a => a.Key == k)));
            return (added, known);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    // "@politifact" until a page says "PolitiFact".
    private static void PreferReadableName(Outlet outlet, string name)
    {
        if (NewsCorpus.Analysis.Articles.OutletNames.IsHandleOrDomain(outlet.Name) && !NewsCorpus.Analysis.Articles.OutletNames.IsHandleOrDomain(name))
        {
            outlet.Name = name;
        }
    }

    private static void AddAliases(Outlet outlet, List<string> names, List<string> keys)
    {
        foreach (var (alias, key) in names.Zip(keys))
        {
            if (!outlet.Aliases.Any(a => a.Key == key))
            {
                outlet.Aliases.Add(new OutletAlias { Name = alias, Key = key });
            }
        }
    }

    /// <summary>Gives every outlet an alias of its own name (outlets stored before aliases existed) and its folded key.</summary>
    public async Task BackfillAsync(CancellationToken cancellationToken)
    {
        var outlets = await db.Outlets.Include(o => o.Aliases).Where(o => !o.Aliases.Any()).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        foreach (var outlet in outlets)
        {
            var key = Outlet.Normalize(outlet.Name);
            var same = await db.OutletAliases.Where(a => a.Key == key && a.OutletId != outlet.Id).Select(a => (int?)a.OutletId).FirstOrDefaultAsync(cancellationToken);
            if (same is { } intoId)
            {
                var into = await db.Outlets.Include(o => o.Aliases).SingleAsync(o => o.Id == intoId, cancellationToken);
                await MergeAsync(into, outlet.Id, cancellationToken);
                db.ChangeTracker.Clear();
                continue;
            }

            outlet.NormalizedName = key;
            outlet.Aliases.Add(new OutletAlias { Name = outlet.Name, Key = key });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Moves the other outlet's articles and aliases into <paramref name="into"/> and removes it.</summary>
    public async Task MergeAsync(Outlet into, int otherId, CancellationToken cancellationToken)
    {
        await SearchOutbox.RecordAllAsync(db, $"SELECT \"Id\" AS \"ArticleId\" FROM \"Articles\" WHERE \"OutletId\" = {otherId}", DateTime.UtcNow, cancellationToken);
        await db.Articles.Where(a => a.OutletId == otherId).ExecuteUpdateAsync(s => s.SetProperty(a => a.OutletId, into.Id), cancellationToken);
        await db.OutletAliases.Where(a => a.OutletId == otherId).ExecuteUpdateAsync(s => s.SetProperty(a => a.OutletId, into.Id), cancellationToken);
        await db.Outlets.Where(o => o.Id == otherId).ExecuteDeleteAsync(cancellationToken);
        // Aliases moved in the database; read them again so the ones just moved are not added twice.
        await db.Entry(into).Collection(o => o.Aliases).Query().LoadAsync(cancellationToken);
        logger.LogInformation("Outlet {OtherId} merged into {OutletId} ({Outlet}): a page named both", otherId, into.Id, into.Name);
    }

    private static string Limit(string name) => name.Length <= MaxName ? name : name[..MaxName];
}
