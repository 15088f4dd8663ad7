using System.Globalization;

namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// Reads a plain-text article (often copied from a web page, chrome and all) into a parsed article.
/// The file is cut into blocks; explicit rules mark credits, prompts and footers; the layout then tells
/// the header (masthead, headline) and the footer from the story, and every other block stays story text.
/// </summary>
public static class PlainTextArticleReader
{
    private const int DerivedTitleWords = 12;

    public static ParsedArticle Read(string text, SidecarMetadata? sidecar = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var evidence = new Evidence();
        var body = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');

        var prefix = BoilerplateRules.DatePrefix().Match(body);
        if (prefix.Success && DateOnly.TryParseExact(prefix.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var prefixDate))
        {
            evidence.Date = prefixDate;
            body = body[prefix.Length..];
        }

        var blocks = SplitBlocks(body);
        var reasons = new string?[blocks.Count];
        var captions = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            reasons[i] = ClassifyBlock(blocks[i], evidence, captions);
        }

        var bodyStart = FindBodyStart(blocks, reasons);
        var titleIndex = FindHeadline(blocks, reasons, bodyStart);
        for (var i = 0; i < bodyStart; i++)
        {
            if (reasons[i] is null && i != titleIndex)
            {
                reasons[i] = BoilerplateReasons.Navigation;
            }
        }

        FindMasthead(blocks, reasons, bodyStart, evidence);
        var footerStart = FindFooterStart(blocks, reasons, bodyStart);
        MarkFooter(blocks, reasons, footerStart);
        MarkBodyInterruptions(blocks, reasons, bodyStart, footerStart, titleIndex);

        var paragraphs = new List<string>();
        var removed = new List<BoilerplateBlock>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i == titleIndex)
            {
                continue;
            }

            if (reasons[i] is { } reason)
            {
                removed.Add(new BoilerplateBlock(blocks[i], reason));
            }
            else
            {
                paragraphs.Add(blocks[i]);
            }
        }

        // Never hand back an article with no story: if the rules took everything, they were wrong.
        if (paragraphs.Count == 0)
        {
            paragraphs.AddRange(blocks.Where((_, i) => i != titleIndex && reasons[i] is not (BoilerplateReasons.Byline or BoilerplateReasons.Dateline)));
            removed.RemoveAll(r => paragraphs.Contains(r.Text));
        }

        FindDatelineCredit(paragraphs, evidence);

        var headline = titleIndex >= 0 ? blocks[titleIndex] : null;
        var title = sidecar?.Title ?? headline ?? DeriveTitle(paragraphs);
        var outlet = sidecar?.Outlet is { } sidecarOutlet ? sidecarOutlet.Trim() : evidence.Outlet;
        return new ParsedArticle
        {
            Title = title,
            TitleDerived = sidecar?.Title is null && headline is null,
            PublishedOn = sidecar?.Date ?? evidence.Date,
            PublishedTime = sidecar?.Date is { } d && d != evidence.Date ? null : evidence.Time,
            DateCandidates = [.. HtmlArticleReader.SidecarDate(sidecar), .. TextDate(evidence.Date, evidence.Time)],
            Byline = sidecar?.Author ?? evidence.Byline,
            WireOrigin = evidence.WireOrigin,
            Outlet = outlet,
            OutletEvidence = sidecar?.Outlet is not null ? "sidecar metadata file" : evidence.OutletEvidence,
            Url = sidecar?.Url,
            Paragraphs = paragraphs,
            Removed = removed,
            WordCount = paragraphs.Sum(TextShape.CountWords),
        };
    }

    /// <summary>Cuts text into blocks: one per line, or one per blank-line-separated group when lines are hard-wrapped.</summary>
    public static List<string> SplitBlocks(string text)
    {
        var blocks = new List<string>();
        var group = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                FlushGroup(group, blocks);
            }
            else
            {
                group.Add(line);
            }
        }

        FlushGroup(group, blocks);
        return blocks;
    }

    private static IEnumerable<DateCandidate> TextDate(DateOnly? date, TimeOnly? time) =>
        date is { } d ? [new DateCandidate("the text", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d, time)] : [];

    private static void FlushGroup(List<string> group, List<string> blocks)
    {
        if (group.Count == 0)
        {
            return;
        }

        if (IsHardWrapped(group))
        {
            blocks.Add(string.Join(' ', group));
        }
        else
        {
            var current = group[0];
            for (var i = 1; i < group.Count; i++)
            {
                // A line that stops mid-sentence and a next line that starts in lower case are one paragraph.
                if (current.Length >= 40 && !TextShape.EndsLikeSentence(current) && char.IsLower(group[i][0]))
                {
                    current += " " + group[i];
                }
                else
                {
                    blocks.Add(current);
                    current = group[i];
                }
            }

            blocks.Add(current);
        }

        group.Clear();
    }

    // Hard-wrapped prose: short-ish lines of even length that mostly break mid-sentence.
    private static bool IsHardWrapped(List<string> group)
    {
        if (group.Count < 2 || group.Max(l => l.Length) > 100)
        {
            return false;
        }

        var inner = group.Take(group.Count - 1).ToList();
        var width = group.Max(l => l.Length);
        var broken = inner.Count(l => l.Length >= 45 && l.Length >= width * 0.7 && !TextShape.EndsLikeSentence(l));
        // Wrapped prose also carries on in lower case after some breaks; lists of headlines never do.
        var lowerStarts = group.Skip(1).Count(l => char.IsLower(l[0]));
        return broken >= inner.Count * 0.6 && lowerStarts >= Math.Max(1, inner.Count / 4);
    }

    private static string? ClassifyBlock(string block, Evidence evidence, List<string> captions)
    {
        var words = TextShape.CountWords(block);

        if (Datelines.TryParseLine(block, out var date, out var isUpdate))
        {
            if (isUpdate)
            {
                return BoilerplateReasons.PageUpdate;
            }

            if (evidence.Date is null || evidence.Date == date.Date)
            {
                evidence.Date = date.Date;
                evidence.Time ??= date.Time;
            }

            return BoilerplateReasons.Dateline;
        }

        if (words <= 10 && BoilerplateRules.Byline().Match(block) is { Success: true } byline)
        {
            var who = byline.Groups["who"].Value.Trim();
            var org = byline.Groups["org"].Value.Trim();
            evidence.Byline ??= org.Length > 0 ? $"{who}, {org}" : who;
            if ((NewsSources.AgencyNamed(who) ?? NewsSources.AgencyNamed(org)) is { } agency)
            {
                evidence.SetWireOrigin(agency, 3);
            }

            return BoilerplateReasons.Byline;
        }

        if (words <= 80 && (BoilerplateRules.Caption().IsMatch(block) || BoilerplateRules.CreditOnly().IsMatch(block)))
        {
            captions.Add(block);
            return BoilerplateReasons.Caption;
        }

        if (words >= 5 && captions.Any(c => c.StartsWith(block, StringComparison.Ordinal)))
        {
            return BoilerplateReasons.RepeatedCaption;
        }

        if (words <= 40 && BoilerplateRules.Republication().Match(block) is { Success: true } republished)
        {
            var source = (republished.Groups["src"].Success ? republished.Groups["src"].Value : republished.Groups["src2"].Value).Trim();
            if (source.Length > 1)
            {
                evidence.SetWireOrigin(NewsSources.CanonicalOutlet(source), 2);
            }

            return BoilerplateReasons.Republication;
        }

        if (words <= 30 && BoilerplateRules.ChannelPromotion().IsMatch(block))
        {
            if (BoilerplateRules.PromotedName().Match(block) is { Success: true } promoted)
            {
                evidence.AddOutlet(promoted.Groups["name"].Value, 2, $"site promotion: “{Shorten(block)}”");
            }

            return BoilerplateReasons.ChannelPromotion;
        }

        if (words <= 15 && BoilerplateRules.Newsletter().IsMatch(block))
        {
            return BoilerplateReasons.Newsletter;
        }

        if (words <= 40 && !TextShape.EndsLikeSentence(block) && BoilerplateRules.Tags().IsMatch(block))
        {
            return BoilerplateReasons.Tags;
        }

        if (BoilerplateRules.ListHeading().IsMatch(block))
        {
            return BoilerplateReasons.ListHeading;
        }

        if (BoilerplateRules.RelatedHeading().IsMatch(block) || (words <= 25 && BoilerplateRules.LinkLine().IsMatch(block) && !TextShape.IsSentenceLike(block)))
        {
            return BoilerplateReasons.RelatedLink;
        }

        if (BoilerplateRules.Advertisement().IsMatch(block))
        {
            return BoilerplateReasons.Advertisement;
        }

        if (words <= 40 && BoilerplateRules.PageUpdate().IsMatch(block))
        {
            return BoilerplateReasons.PageUpdate;
        }

        if (words <= 150 && (BoilerplateRules.Copyright().IsMatch(block) || BoilerplateRules.FooterNotice().IsMatch(block)
            || (words <= 20 && !TextShape.EndsLikeSentence(block) && BoilerplateRules.FooterLinks().IsMatch(block))))
        {
            if (BoilerplateRules.CopyrightHolder().Match(block) is { Success: true } holder)
            {
                var name = holder.Groups["holder"].Value.Trim().TrimEnd('.', ',');
                if (NewsSources.AgencyNamed(name) is { } agency)
                {
                    evidence.SetWireOrigin(agency, 2);
                }
                else if (name.Length > 1)
                {
                    evidence.AddOutlet(name, 1, $"copyright notice: “{Shorten(block)}”");
                }
            }

            return BoilerplateReasons.Footer;
        }

        if (words <= 30 && BoilerplateRules.WireCredit().IsMatch(block) && !TextShape.IsSentenceLike(block))
        {
            var agencyText = block.TrimStart('-', '–', '—', ' ', '(').TrimEnd(')', ' ', '.');
            if (agencyText.StartsWith("Source:", StringComparison.OrdinalIgnoreCase))
            {
                agencyText = agencyText["Source:".Length..];
            }

            if (NewsSources.AgencyNamed(agencyText.Trim()) is { } agency)
            {
                evidence.SetWireOrigin(agency, 2);
            }

            return BoilerplateReasons.WireCredit;
        }

        return null;
    }

    // The story starts at the first block that reads like prose and no rule claimed.
    private static int FindBodyStart(List<string> blocks, string?[] reasons)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (reasons[i] is null && TextShape.IsSentenceLike(blocks[i]))
            {
                return i;
            }
        }

        var first = Array.IndexOf(reasons, null);
        return first < 0 ? blocks.Count : first;
    }

    // The headline is the last headline-shaped block before the story that is not a menu or label.
    private static int FindHeadline(List<string> blocks, string?[] reasons, int bodyStart)
    {
        for (var i = bodyStart - 1; i >= 0; i--)
        {
            if (reasons[i] is null && TextShape.IsTitleLike(blocks[i]) && !TextShape.IsMenuLike(blocks[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // A masthead is the first navigation line of the header when it reads "Name - tagline" or "Name | section".
    private static void FindMasthead(List<string> blocks, string?[] reasons, int bodyStart, Evidence evidence)
    {
        for (var i = 0; i < bodyStart; i++)
        {
            if (reasons[i] != BoilerplateReasons.Navigation)
            {
                continue;
            }

            var separator = blocks[i].IndexOfAny(['|', '-', '–', '—']);
            if (separator > 0 && separator + 1 < blocks[i].Length && blocks[i][separator - 1] == ' ' && blocks[i][separator + 1] == ' ')
            {
                var name = blocks[i][..separator].Trim();
                var nameWords = TextShape.Words(name).ToList();
                if (nameWords.Count is >= 1 and <= 5 && nameWords.All(w => char.IsUpper(w[0]) || w is "of" or "the" or "and"))
                {
                    evidence.AddOutlet(name, 3, $"masthead: “{Shorten(blocks[i])}”");
                }
            }

            return;
        }
    }

    private static readonly HashSet<string> s_strongFooterReasons =
    [
        BoilerplateReasons.Tags, BoilerplateReasons.Newsletter, BoilerplateReasons.ListHeading, BoilerplateReasons.Footer,
    ];

    // The footer starts at a strong footer marker after which almost nothing reads like story prose.
    private static int FindFooterStart(List<string> blocks, string?[] reasons, int bodyStart)
    {
        for (var i = bodyStart + 1; i < blocks.Count; i++)
        {
            if (reasons[i] is not { } reason || !s_strongFooterReasons.Contains(reason))
            {
                continue;
            }

            var after = 0;
            var prose = 0;
            var run = 0;
            var longestRun = 0;
            for (var j = i + 1; j < blocks.Count; j++)
            {
                after++;
                if (reasons[j] is null && TextShape.IsSentenceLike(blocks[j]))
                {
                    prose++;
                    run++;
                    longestRun = Math.Max(longestRun, run);
                }
                else
                {
                    run = 0;
                }
            }

            if (longestRun < 3 && prose <= Math.Max(1, after / 4))
            {
                return i;
            }
        }

        return blocks.Count;
    }

    private static void MarkFooter(List<string> blocks, string?[] reasons, int footerStart)
    {
        string? section = null;
        for (var i = footerStart; i < blocks.Count; i++)
        {
            if (reasons[i] is { } reason)
            {
                section = reason;
                continue;
            }

            // Items under a "Most Read" style heading are list entries; short labels elsewhere are footer links.
            reasons[i] = section == BoilerplateReasons.ListHeading && TextShape.CountWords(blocks[i]) > 4
                ? BoilerplateReasons.ListHeading
                : TextShape.CountWords(blocks[i]) <= 4 ? BoilerplateReasons.Navigation : BoilerplateReasons.Footer;
        }
    }

    // Inside the story: related headlines dropped between paragraphs, and pull quotes that repeat a paragraph.
    private static void MarkBodyInterruptions(List<string> blocks, string?[] reasons, int bodyStart, int footerStart, int titleIndex)
    {
        var story = Enumerable.Range(bodyStart, Math.Max(0, footerStart - bodyStart)).Where(i => reasons[i] is null && i != titleIndex).ToList();
        var fingerprints = story.ToDictionary(i => i, i => TextShape.Fingerprint(blocks[i]));
        for (var k = 0; k < story.Count; k++)
        {
            var i = story[k];
            var block = blocks[i];
            var words = TextShape.CountWords(block);
            var previousIsProse = k > 0 && TextShape.IsSentenceLike(blocks[story[k - 1]]);
            var nextIsProse = k + 1 < story.Count && TextShape.IsSentenceLike(blocks[story[k + 1]]);
            if (words is >= 6 and <= 20 && TextShape.IsTitleLike(block) && !TextShape.EndsLikeSentence(block)
                && !TextShape.IsAllCaps(block) && block[0] is not ('"' or '“' or '\'' or '‘') && previousIsProse && nextIsProse)
            {
                reasons[i] = BoilerplateReasons.RelatedHeadline;
                continue;
            }

            var fingerprint = fingerprints[i];
            if (words >= 8 && story.Any(j => j != i && reasons[j] is null && fingerprints[j].Length > fingerprint.Length && fingerprints[j].Contains(fingerprint, StringComparison.Ordinal)))
            {
                reasons[i] = BoilerplateReasons.RepeatedText;
                continue;
            }

            if (words >= 8 && story.Take(k).Any(j => reasons[j] is null && fingerprints[j] == fingerprint))
            {
                reasons[i] = BoilerplateReasons.RepeatedText;
            }
        }
    }

    // "BAGHDAD (Reuters) - ..." at the top of the story names the agency whose copy this is.
    private static void FindDatelineCredit(List<string> paragraphs, Evidence evidence)
    {
        foreach (var paragraph in paragraphs.Take(2))
        {
            if (BoilerplateRules.DatelineCredit().Match(paragraph) is { Success: true } credit && NewsSources.AgencyNamed(credit.Groups["agency"].Value) is { } agency)
            {
                evidence.SetWireOrigin(agency, 3);
                return;
            }
        }
    }

    /// <summary>A title made from the lead's first sentence, cut to a dozen words.</summary>
    public static string DeriveTitle(IReadOnlyList<string> paragraphs)
    {
        var lead = paragraphs.FirstOrDefault(p => TextShape.CountWords(p) >= 3) ?? (paragraphs.Count > 0 ? paragraphs[0] : "Untitled article");
        var sentence = FirstSentence(lead);
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= DerivedTitleWords + 2
            ? sentence.TrimEnd('.')
            : string.Join(' ', words.Take(DerivedTitleWords)).TrimEnd(',', ';', ':') + "…";
    }

    private static string FirstSentence(string text)
    {
        for (var i = 0; i < text.Length - 2; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && char.IsUpper(text[i + 2]))
            {
                var start = text.LastIndexOf(' ', i) + 1;
                var word = text[start..i];
                // "U.S." and "Mr." end a word, not a sentence.
                if (word.Length <= 2 || word.Contains('.', StringComparison.Ordinal) || Language.Lexicon.TitleAbbreviations.Contains(word))
                {
                    continue;
                }

                return text[..(i + 1)];
            }
        }

        return text;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    /// <summary>What the rules learned about the article while classifying its blocks.</summary>
    private sealed class Evidence
    {
        private int _originPriority;
        private int _outletPriority;

        public DateOnly? Date { get; set; }

        public TimeOnly? Time { get; set; }

        public string? Byline { get; set; }

        public string? WireOrigin { get; private set; }

        public string? Outlet { get; private set; }

        public string? OutletEvidence { get; private set; }

        public void SetWireOrigin(string origin, int priority)
        {
            if (priority > _originPriority)
            {
                WireOrigin = origin;
                _originPriority = priority;
            }
        }

        public void AddOutlet(string name, int priority, string evidence)
        {
            if (priority > _outletPriority)
            {
                Outlet = NewsSources.CanonicalOutlet(name);
                OutletEvidence = evidence;
                _outletPriority = priority;
            }
        }
    }
}
