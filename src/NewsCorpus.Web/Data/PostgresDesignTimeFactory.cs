using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsCorpus.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgresNewsCorpusDbContext</c> build the PostgreSQL model without a
/// server or the app's configuration: adding a migration only needs the model, never a connection.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNewsCorpusDbContext>
{
    public PostgresNewsCorpusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNewsCorpusDbContext>().UseNpgsql("Host=localhost;Database=newscorpus").Options);
}
