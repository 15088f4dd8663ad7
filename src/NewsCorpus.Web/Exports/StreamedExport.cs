using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsCorpus.Web.Exports;

public enum ExportFormat
{
    Csv,
    Jsonl,
}

/// <summary>
/// A whole result set as a download, written row by row as the database yields it (constant memory): CSV through
/// CsvHelper (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read accents right, cells that a
/// spreadsheet would run as a formula, starting with = + - @, prefixed with an apostrophe) or JSON Lines.
/// </summary>
public sealed class StreamedExport(Func<HttpContext, TextWriter, Task> write, ExportFormat format, string name) : IResult
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private static readonly CsvConfiguration s_csv = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@'],
        InjectionEscapeCharacter = '\'',
    };

    /// <summary>Reads <c>format</c>: null for the ordinary paged JSON, csv or jsonl for a download, anything else a problem.</summary>
    public static (ExportFormat? Format, ProblemHttpResult? Problem) ReadFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => (null, null),
        "csv" => (ExportFormat.Csv, null),
        "jsonl" or "ndjson" => (ExportFormat.Jsonl, null),
        _ => (null, TypedResults.Problem(title: "Unknown format", detail: "format must be csv or jsonl (or left out for paged JSON).", statusCode: StatusCodes.Status400BadRequest)),
    };

    public static StreamedExport Of<T>(IAsyncEnumerable<T> rows, ExportFormat format, string name) =>
        new(async (context, writer) =>
        {
            if (format == ExportFormat.Csv)
            {
                await WriteCsvAsync(rows, writer, context.RequestAborted);
            }
            else
            {
                await WriteJsonLinesAsync(rows, writer, context.RequestAborted);
            }
        }, format, name);

    /// <summary>Rows already in memory (a comparison), written the same way.</summary>
    public static StreamedExport Of<T>(IEnumerable<T> rows, ExportFormat format, string name) => Of(Async(rows), format, name);

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var csv = format == ExportFormat.Csv;
        var response = httpContext.Response;
        response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{(csv ? "csv" : "jsonl")}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: csv), 64 * 1024);
        await write(httpContext, writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    private static async Task WriteCsvAsync<T>(IAsyncEnumerable<T> rows, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(writer, s_csv, leaveOpen: true);
        csv.WriteHeader<T>();
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteRecord(row);
            await csv.NextRecordAsync();
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    private static async Task WriteJsonLinesAsync<T>(IAsyncEnumerable<T> rows, TextWriter writer, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(row, s_json));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }
}
