namespace NewsCorpus.Web.Data;

/// <summary>A personal API token for scripts: only its SHA-256 is stored; the token itself is shown once, when made.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }

    /// <summary>The token's first characters, so a user can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
