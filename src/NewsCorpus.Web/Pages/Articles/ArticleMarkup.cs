using Microsoft.AspNetCore.Html;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Pages.Articles;

/// <summary>
/// Renders a paragraph with its entity mentions as links and its quotes marked with their speaker.
/// Every piece of article text goes through HTML encoding; only the tags written here are markup.
/// </summary>
public static class ArticleMarkup
{
    public sealed record MentionMark(int Start, int End, int EntityId, EntityType Type);

    public sealed record QuoteMark(int Id, int Start, int End, string? Speaker, int? SpeakerId, bool Partial);

    /// <summary>The paragraph's HTML; <c>offset</c> is where the paragraph starts in the article's analysed text.</summary>
    public static IHtmlContent Render(string paragraph, int offset, IReadOnlyList<MentionMark> mentions, IReadOnlyList<QuoteMark> quotes)
    {
        var end = offset + paragraph.Length;
        var quotesHere = quotes.Where(q => q.Start < end && q.End > offset)
            .Select(q => q with { Start = Math.Max(q.Start, offset), End = Math.Min(q.End, end) })
            .OrderBy(q => q.Start).ToList();
        var mentionsHere = mentions.Where(m => m.Start >= offset && m.End <= end)
            .Where(m => !quotesHere.Any(q => m.Start < q.Start && m.End > q.Start || m.Start < q.End && m.End > q.End))
            .OrderBy(m => m.Start).ToList();

        var html = new HtmlContentBuilder();
        var position = offset;
        var mentionIndex = 0;
        foreach (var quote in quotesHere.Where((q, i) => i == 0 || q.Start >= quotesHere[i - 1].End))
        {
            position = AppendText(html, paragraph, offset, position, quote.Start, mentionsHere, ref mentionIndex);
            var label = quote.Speaker is null ? "Quote, speaker unknown" : $"Quote by {quote.Speaker}";
            html.AppendHtml($"<span class=\"quote{(quote.Partial ? " partial" : "")}\" id=\"quote-{quote.Id}\" title=\"");
            html.Append(label);
            html.AppendHtml("\">");
            position = AppendText(html, paragraph, offset, position, quote.End, mentionsHere, ref mentionIndex);
            html.AppendHtml("</span>");
            if (quote.Speaker is not null && quote.End == Math.Min(quotes.First(q => q.Id == quote.Id).End, offset + paragraph.Length))
            {
                html.AppendHtml(quote.SpeakerId is { } id ? $" <a class=\"speaker-tag\" href=\"/Entities/{id}\">" : " <span class=\"speaker-tag\">");
                html.Append(quote.Speaker);
                html.AppendHtml(quote.SpeakerId is null ? "</span>" : "</a>");
            }
        }

        AppendText(html, paragraph, offset, position, end, mentionsHere, ref mentionIndex);
        return html;
    }

    private static int AppendText(HtmlContentBuilder html, string paragraph, int offset, int from, int to, List<MentionMark> mentions, ref int index)
    {
        var position = from;
        while (index < mentions.Count && mentions[index].Start < to)
        {
            var mention = mentions[index];
            if (mention.Start < position || mention.End > to)
            {
                index++;
                continue;
            }

            html.Append(paragraph[(position - offset)..(mention.Start - offset)]);
            html.AppendHtml($"<a class=\"entity {Web.Entities.EntityTypes.CssClass(mention.Type)}\" href=\"/Entities/{mention.EntityId}\">");
            html.Append(paragraph[(mention.Start - offset)..(mention.End - offset)]);
            html.AppendHtml("</a>");
            position = mention.End;
            index++;
        }

        html.Append(paragraph[(position - offset)..(to - offset)]);
        return to;
    }
}
