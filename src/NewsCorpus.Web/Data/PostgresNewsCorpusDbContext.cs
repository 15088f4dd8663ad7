using Microsoft.EntityFrameworkCore;

namespace NewsCorpus.Web.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that its migrations (Data/PostgresMigrations) are told
/// apart from SQLite's: EF Core picks a migration set by context type.
/// </summary>
public sealed class PostgresNewsCorpusDbContext(DbContextOptions<PostgresNewsCorpusDbContext> options) : NewsCorpusDbContext(options);
