using System.Text.Encodings.Web;
using System.Text.Json;
using NewsCorpus.Analysis;
using NewsCorpus.Analysis.Articles;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// The analyze verb: each file's text exactly as it is (no cleaning, no metadata) through the analyzer,
/// one JSON object per file and line, so evaluations and people can check what it finds.
/// </summary>
public static class AnalyzeCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IReadOnlyList<string> files, TextReader input, TextWriter output, TextWriter error)
    {
        var failed = false;
        foreach (var file in files)
        {
            string text;
            if (file == "-")
            {
                text = await input.ReadToEndAsync();
            }
            else
            {
                try
                {
                    var decoded = TextDecoder.Decode(await File.ReadAllBytesAsync(file));
                    if (!decoded.Succeeded)
                    {
                        await error.WriteLineAsync($"analyze: {file}: {decoded.Error}");
                        failed = true;
                        continue;
                    }

                    text = decoded.Text!;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"analyze: {file}: cannot read the file: {ex.Message}");
                    failed = true;
                    continue;
                }
            }

            await output.WriteLineAsync(JsonSerializer.Serialize(Describe(file, text), s_json));
        }

        return failed ? 1 : 0;
    }

    public static object Describe(string file, string text)
    {
        var analysis = TextAnalyzer.Analyze(text);
        return new
        {
            file,
            sentences = analysis.Sentences.Select(s => new { start = s.Start, end = s.End }),
            entities = analysis.Mentions
                .Where(m => m.Type != EntityType.Group)
                .Select(m => new { type = TypeName(m.Type), text = m.Text, start = m.Start, end = m.End, canonical = analysis.CanonicalOf(m) }),
            quotes = analysis.Quotes.Select(q => new
            {
                text = q.Text,
                start = q.Start,
                end = q.End,
                partial = q.Partial,
                verb = q.Verb,
                speaker = q.Speaker is null ? null : new { text = q.Speaker.Text, start = q.Speaker.Start, end = q.Speaker.End, canonical = analysis.SpeakerName(q) },
                speakerDescription = q.SpeakerDescription,
            }),
        };
    }

    public static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "PERSON",
        EntityType.Organization => "ORGANIZATION",
        EntityType.Location => "LOCATION",
        _ => "GROUP",
    };
}
