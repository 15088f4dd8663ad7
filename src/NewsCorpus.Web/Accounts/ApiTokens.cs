using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Accounts;

/// <summary>Personal API tokens: made with 256 random bits, stored only as their SHA-256, revocable.</summary>
public sealed class ApiTokens(NewsCorpusDbContext db, TimeProvider clock)
{
    private const string Marker = "nct_";

    /// <summary>Makes a token for the user and returns it: the only time it is seen.</summary>
    public async Task<string> CreateAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        var token = Marker + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Hash = HashOf(token), Prefix = token[..12], CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The user a live token belongs to, or null for an unknown or revoked one.</summary>
    public async Task<string?> UserIdOfAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Marker, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = HashOf(token);
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, cancellationToken);
        if (row is null)
        {
            return null;
        }

        // At most a write a minute per token: a script's reads should not queue behind an ingestion for the file's write lock.
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return row.UserId;
    }

    /// <summary>Revokes every live token of the user; returns how many.</summary>
    public Task<int> RevokeAllAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    public Task<int> LiveCountAsync(string userId, CancellationToken cancellationToken) =>
        db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, cancellationToken);

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
