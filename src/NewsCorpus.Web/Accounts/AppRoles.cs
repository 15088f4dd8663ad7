namespace NewsCorpus.Web.Accounts;

/// <summary>The three roles, each allowed what the one before it may do: readers read, editors correct and upload, admins manage users.</summary>
public static class AppRoles
{
    public const string Reader = "Reader";

    public const string Editor = "Editor";

    public const string Admin = "Admin";

    public static readonly string[] All = [Reader, Editor, Admin];

    public static readonly string[] Editors = [Editor, Admin];

    /// <summary>The role's name as stored ("editor" → "Editor"), or null for an unknown one.</summary>
    public static string? Parse(string? role) => All.FirstOrDefault(r => r.Equals(role?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Authorization policies by what they allow.</summary>
public static class AppPolicies
{
    /// <summary>Reading the corpus (only enforced when <see cref="AuthOptions.AnonymousRead"/> is off).</summary>
    public const string Read = "Read";

    /// <summary>Corrections and uploads from the browser (cookie sign-in).</summary>
    public const string Edit = "Edit";

    /// <summary>Corrections and uploads through the API: a bearer token, never a cookie.</summary>
    public const string EditApi = "EditApi";

    public const string Admin = "Admin";
}
