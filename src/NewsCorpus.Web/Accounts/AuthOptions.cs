namespace NewsCorpus.Web.Accounts;

/// <summary>The "Auth" section of the configuration.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Anyone may read the corpus without signing in; false makes every page and API ask for a Reader.</summary>
    public bool AnonymousRead { get; set; } = true;

    /// <summary>Sign-in attempts a client address may make a minute (on top of the account lockout).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Changes (corrections, uploads, user management) one user or address may make a minute.</summary>
    public int ChangesPerMinute { get; set; } = 120;

    /// <summary>Failed passwords in a row that lock an account, and for how long.</summary>
    public int LockoutFailures { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// The sign-in cookie is sent over HTTPS only (browsers also accept it from http://localhost). Set false only to try
    /// the app over plain HTTP on another machine; in production put it behind HTTPS instead.
    /// </summary>
    public bool SecureCookie { get; set; } = true;
}
