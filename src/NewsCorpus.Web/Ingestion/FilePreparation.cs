using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Web.Ingestion;

/// <summary>What reading, decoding and analysing a file produced, before anything touches the database.</summary>
public sealed record PreparedFile(
    string Path, FileResult? Failure, bool IsHtml = false, string? EncodingName = null, string? ContentHash = null, string? MetadataHash = null,
    ParsedArticle? Parsed = null, ArticleAnalysis.Rows? Analysis = null);

/// <summary>
/// The first part of ingestion, with no database: reading a file (only regular files, within the size limit),
/// decoding it, reading its sidecar, hashing it, and parsing and analysing it when it is new or changed.
/// </summary>
public sealed class FilePreparation(IOptions<IngestionOptions> options, TimeProvider clock, ILogger<FilePreparation> logger)
{
    private static readonly HashSet<string> s_textExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text" };
    private static readonly HashSet<string> s_htmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm" };

    /// <summary>
    /// Prepares the blocks in order on every core, up to <paramref name="ahead"/> blocks before the caller takes them:
    /// preparing never waits for storing, nor storing for preparing, while either has work. (Preparing one block while
    /// the previous one was stored left whichever half was faster idle on every block.)
    /// </summary>
    public async IAsyncEnumerable<PreparedFile[]> PrepareAheadAsync(IReadOnlyList<string[]> blocks, Dictionary<string, (string ContentHash, string? MetadataHash)> known,
        int ahead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<PreparedFile[]>(new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(channel.Writer, blocks, known, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var prepared in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return prepared;
            }
        }
        finally
        {
            // The caller may stop early (cancelled, or storing failed): the blocks still being prepared are dropped.
            await stop.CancelAsync();
            await producer;
        }
    }

    private async Task ProduceAsync(ChannelWriter<PreparedFile[]> writer, IReadOnlyList<string[]> blocks, Dictionary<string, (string ContentHash, string? MetadataHash)> known, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var block in blocks)
            {
                await writer.WriteAsync(PrepareBlock(block, known, cancellationToken), cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }

    /// <summary>Reads, decodes, parses and analyses a block of files on every core; a file that fails is a failure, not an exception.</summary>
    private PreparedFile[] PrepareBlock(string[] block, Dictionary<string, (string ContentHash, string? MetadataHash)> known, CancellationToken cancellationToken)
    {
        var prepared = new PreparedFile[block.Length];
        Parallel.For(0, block.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                prepared[i] = Prepare(block[i], known);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reading {Path} failed", block[i]);
                prepared[i] = new PreparedFile(block[i], Failed(block[i], $"unexpected error: {ex.Message}"));
            }
        });
        return prepared;
    }

    /// <summary>One file, up to its analysis; a file whose hashes match <paramref name="known"/> is not analysed.</summary>
    public PreparedFile Prepare(string path, Dictionary<string, (string ContentHash, string? MetadataHash)> known)
    {
        var extension = Path.GetExtension(path);
        var isHtml = s_htmlExtensions.Contains(extension);
        if (!isHtml && !s_textExtensions.Contains(extension))
        {
            var shown = extension.Length == 0 ? "no extension" : $"'{extension}'";
            return new PreparedFile(path, Failed(path, $"unsupported file type ({shown}); supported: {string.Join(", ", s_textExtensions.Concat(s_htmlExtensions))}"));
        }

        var (bytes, problem) = InputFiles.Read(path, options.Value.MaxFileBytes);
        if (bytes is null)
        {
            return new PreparedFile(path, Failed(path, problem!));
        }

        var decoded = isHtml ? HtmlArticleReader.Decode(bytes) : TextDecoder.Decode(bytes);
        if (!decoded.Succeeded)
        {
            return new PreparedFile(path, Failed(path, decoded.Error!));
        }

        var (sidecar, sidecarJson, sidecarError, sidecarWarnings) = SidecarReader.ReadFor(path);
        if (sidecarError is not null)
        {
            return new PreparedFile(path, Failed(path, sidecarError));
        }

        var text = decoded.Text!.Replace("\r\n", "\n", StringComparison.Ordinal);
        var contentHash = Sha256(text);
        var metadataHash = sidecarJson is null ? null : Sha256(sidecarJson);
        if (known.TryGetValue(path, out var stored) && stored.ContentHash == contentHash && stored.MetadataHash == metadataHash)
        {
            // Most likely unchanged: the database decides when the block is written; no need to analyse it.
            return new PreparedFile(path, null, isHtml, decoded.EncodingName, contentHash, metadataHash);
        }

        // Two readers, one pipeline: what follows (analysis, search, outlets) is the same for both.
        var read = isHtml ? HtmlArticleReader.Read(text, sidecar) : PlainTextArticleReader.Read(text, sidecar);
        var parsed = MetadataLimits.Apply(PublicationDates.Settle(read with { Warnings = [.. sidecarWarnings, .. read.Warnings] }, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        var analysis = parsed.Paragraphs.Count == 0 ? null : ArticleAnalysis.Analyze(parsed.Title, parsed.Paragraphs);
        return new PreparedFile(path, null, isHtml, decoded.EncodingName, contentHash, metadataHash, parsed, analysis);
    }

    public static FileResult Failed(string path, string reason) => new(path, FileOutcome.Failed, Reason: reason);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
