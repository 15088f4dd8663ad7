namespace NewsCorpus.Web.Api;

/// <summary>The API described at /openapi/v1.json, with what the shared parameters mean.</summary>
public static class OpenApiSetup
{
    private static readonly Dictionary<string, string> s_parameters = new(StringComparer.Ordinal)
    {
        ["format"] = "Leave out for one page of JSON. csv (RFC 4180, UTF-8 with BOM, formula cells defused) or jsonl (JSON Lines) downloads every match as an attachment, streamed.",
        ["page"] = "1-based page number; page × pageSize may not pass 100,000,000.",
        ["pageSize"] = "Items a page, 1 to 100 (25 when left out).",
        ["q"] = "The search language: words, \"phrases\", OR, -word, prefix*, outlet:, speaker:, entity:, from:, to:.",
        ["speaker"] = "Any name the speaker goes by (resolved to the person), or words of an unnamed speaker's description.",
        ["outlet"] = "Any name the outlet goes by (site name, domain, handle), or unknown.",
    };

    public static IServiceCollection AddNewsCorpusOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "NewsCorpus API";
                document.Info.Description = "Articles, quotes, entities, stories, search and comparisons of a news corpus. Errors are RFC 7807 problem JSON.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in operation.Parameters ?? [])
                {
                    if (parameter.Name is { } name && s_parameters.TryGetValue(name, out var description) && parameter is Microsoft.OpenApi.OpenApiParameter concrete)
                    {
                        concrete.Description = description;
                    }
                }

                return Task.CompletedTask;
            });
        });
}
