using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Quotes;

/// <summary>Speaker search lists only statements credited to that speaker, however the words of their quotes overlap with others'.</summary>
public sealed class SpeakerSearchTests : IDisposable
{
    private readonly CorpusSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task Statements_credit_the_speaker_their_members_resolve_to()
    {
        const string pledge = "We will rebuild the harbour within two years and every family will have a home again";
        _session.Files.Write("q/science.txt", "Sensor study published\n\n“The readings from the deep sensors were all over the place this spring,” said biologist Elena Marsh.\n\nThe study covered six sites.\n");
        _session.Files.Write("q/politics.txt", "Senate race heats up\n\n“His positions on trade are all over the place,” said Senator Tomas Reyes.\n\nThe race is close.\n");
        _session.Files.Write("q/harbour-1.txt", $"Harbour plan unveiled\n\n“{pledge},” Governor Ana Duarte said on Monday.\n\nThe plan costs $2 billion.\n");
        _session.Files.Write("q/harbour-2.txt", $"Governor unveils harbour plan\n\n“{pledge},” Governor Ana Duarte told reporters.\n\nThe plan was welcomed.\n");
        _session.Files.Write("q/harbour-3.txt", $"Reyes backs harbour plan\n\n“{pledge},” said Tomas Reyes.\n\nReyes spoke in the capital.\n");
        await using (var scope = _session.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync([Path.Combine(_session.Files.Folder, "q")], "test");
        }

        using var client = _session.Factory.CreateClient();
        var reyes = await client.GetPageAsync("/Quotes?speaker=Tomas%20Reyes");
        var statements = reyes.QuerySelectorAll("li.statement");
        Assert.Equal(2, statements.Length);
        Assert.All(statements, s => Assert.Contains("Tomas Reyes", s.QuerySelector(".speaker")!.TextContent, StringComparison.Ordinal));

        var duarte = await client.GetPageAsync("/Quotes?speaker=Ana%20Duarte");
        var statement = Assert.Single(duarte.QuerySelectorAll("li.statement"));
        Assert.Contains("Ana Duarte", statement.QuerySelector(".speaker")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Reyes backs harbour plan", statement.TextContent, StringComparison.Ordinal);

        var marsh = await client.GetPageAsync("/Quotes?speaker=Elena%20Marsh");
        Assert.DoesNotContain("positions on trade", Assert.Single(marsh.QuerySelectorAll("li.statement")).TextContent, StringComparison.Ordinal);
    }
}
