using System.CommandLine;
using NewsCorpus.Web.Accounts;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// <c>users add|list|remove|role|token</c>: accounts are made here or by an admin on the Users page (there is no
/// open registration). A password or token is printed once; only its hash is kept.
/// </summary>
public static class UsersCommand
{
    public static Command Build(IReadOnlyDictionary<string, string?>? settings, TextWriter output, TextWriter error, TextReader input)
    {
        var email = new Option<string>("--email") { Description = "The user's email address (their sign-in name).", Required = true };
        var role = new Option<string>("--role") { Description = "Reader, Editor or Admin.", Required = true };
        var passwordFromInput = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of making one." };
        var add = new Command("add", "Add a user with a role and print a one-time password (or take one from standard input).") { email, role, passwordFromInput };
        add.SetAction((parse, token) => WithUsers(settings, async admin =>
        {
            var password = parse.GetValue(passwordFromInput) ? (await input.ReadLineAsync(token))?.Trim() : null;
            var (made, errors) = await admin.AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, password, token);
            if (made is null)
            {
                await error.WriteLineAsync("users add: " + string.Join(" ", errors));
                return 2;
            }

            await output.WriteLineAsync(password is null ? $"Added {parse.GetValue(email)}. One-time password: {made}" : $"Added {parse.GetValue(email)}.");
            return 0;
        }, token));

        var list = new Command("list", "List users with their role, lockout and live API tokens.");
        list.SetAction((_, token) => WithUsers(settings, async admin =>
        {
            foreach (var user in await admin.ListAsync(token))
            {
                await output.WriteLineAsync($"{user.Email}\t{user.Role}\t{(user.LockedOut ? "locked out" : "active")}\t{user.LiveTokens} token(s)");
            }

            return 0;
        }, token));

        var remove = new Command("remove", "Remove a user and their API tokens.") { email };
        remove.SetAction((parse, token) => WithUsers(settings, async admin =>
            await Report(await admin.RemoveAsync(parse.GetValue(email)!), $"Removed {parse.GetValue(email)}.", $"users remove: no user {parse.GetValue(email)}.", output, error), token));

        var setRole = new Command("role", "Give a user another role.") { email, role };
        setRole.SetAction((parse, token) => WithUsers(settings, async admin =>
            await Report(await admin.SetRoleAsync(parse.GetValue(email)!, parse.GetValue(role)!), $"{parse.GetValue(email)} is now {AppRoles.Parse(parse.GetValue(role))}.",
                $"users role: no user {parse.GetValue(email)} or no role {parse.GetValue(role)}.", output, error), token));

        var revoke = new Option<bool>("--revoke") { Description = "Revoke every API token of the user instead of making one." };
        var apiToken = new Command("token", "Make a personal API token (printed once, stored hashed), or revoke the user's tokens.") { email, revoke };
        apiToken.SetAction((parse, token) => WithUsers(settings, async admin =>
        {
            var who = parse.GetValue(email)!;
            if (parse.GetValue(revoke))
            {
                var count = await admin.RevokeTokensAsync(who, token);
                return await Report(count is not null, $"Revoked {count} token(s) of {who}.", $"users token: no user {who}.", output, error);
            }

            var made = await admin.NewTokenAsync(who, token);
            return await Report(made is not null, made ?? "", $"users token: no user {who}.", output, error);
        }, token));

        return new Command("users", "Manage accounts: add, list, remove, role, token.") { add, list, remove, setRole, apiToken };
    }

    private static async Task<int> WithUsers(IReadOnlyDictionary<string, string?>? settings, Func<UserAdmin, Task<int>> action, CancellationToken cancellationToken)
    {
        using var host = CommandLine.BuildHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        await DataServices.MigrateAsync(scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>(), cancellationToken);
        return await action(scope.ServiceProvider.GetRequiredService<UserAdmin>());
    }

    private static async Task<int> Report(bool succeeded, string success, string failure, TextWriter output, TextWriter error)
    {
        await (succeeded ? output : error).WriteLineAsync(succeeded ? success : failure);
        return succeeded ? 0 : 2;
    }
}
