using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Entities;

/// <summary>Finds entities by any name they go by, for speaker and entity filters.</summary>
public static class EntityNames
{
    /// <summary>Entities any of whose names is the one typed ("Abdul Mahdi" finds Adel Abdul Mahdi); failing that, names containing it.</summary>
    public static async Task<List<int>> FindIdsAsync(NewsCorpusDbContext db, string speaker, CancellationToken cancellationToken)
    {
        speaker = WithoutTitles(speaker);
        var normalized = speaker.Trim().ToUpperInvariant();
        // An entity's name is one of its aliases unless an editor renamed it: then the new name finds it too.
        var name = speaker.Trim();
        var exact = await db.EntityAliases.Where(a => a.NormalizedName == normalized).Select(a => a.EntityId)
            .Union(db.Entities.Where(e => e.Name == name).Select(e => e.Id)).ToListAsync(cancellationToken);
        if (exact.Count > 0)
        {
            return exact;
        }

        // Normalized names are upper case on both databases: the same LIKE finds the same names on each.
        var pattern = "%" + TextPatterns.Escape(normalized) + "%";
        return await db.EntityAliases.Where(a => EF.Functions.Like(a.NormalizedName, pattern, "\\")).Select(a => a.EntityId).Distinct().Take(50).ToListAsync(cancellationToken);
    }

    // "Mr Abdul Mahdi" and "Prime Minister Adel Abdul Mahdi" name the person, not the title.
    private static string WithoutTitles(string speaker)
    {
        var words = speaker.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var changed = true;
        while (changed && words.Count > 1)
        {
            changed = false;
            for (var length = Math.Min(3, words.Count - 1); length >= 1; length--)
            {
                if (Gazetteer.Default.IsTitle(string.Join(' ', words.Take(length))) || Gazetteer.Default.IsTitle(string.Join(' ', words.Take(length)).TrimEnd('.')))
                {
                    words.RemoveRange(0, length);
                    changed = true;
                    break;
                }
            }
        }

        return string.Join(' ', words);
    }

}
