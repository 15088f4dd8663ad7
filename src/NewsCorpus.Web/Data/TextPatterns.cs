using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NewsCorpus.Web.Data;

/// <summary>
/// "Contains, ignoring case" in a form both databases run in SQL: LIKE on SQLite (which ignores ASCII case),
/// ILIKE on PostgreSQL (whose LIKE does not). The text is escaped, so % and _ typed by a user are literal.
/// </summary>
public static class TextPatterns
{
    private static readonly MethodInfo s_like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo s_ilike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }

    /// <summary>The rows whose <paramref name="column"/> contains <paramref name="text"/>, ignoring case.</summary>
    public static IQueryable<T> WhereContains<T>(this IQueryable<T> source, DatabaseFacade database, Expression<Func<T, string?>> column, string text)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(column);
        var pattern = new Pattern("%" + Escape(text) + "%");
        // A member of a captured object, not a constant: EF Core sends it as a parameter.
        var call = Expression.Call(database.IsNpgsql() ? s_ilike : s_like,
            Expression.Constant(EF.Functions), column.Body,
            Expression.Property(Expression.Constant(pattern), nameof(Pattern.Value)), Expression.Constant("\\"));
        return source.Where(Expression.Lambda<Func<T, bool>>(call, column.Parameters));
    }

    private sealed record Pattern(string Value);
}
