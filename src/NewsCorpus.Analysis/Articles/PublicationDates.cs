using System.Globalization;

namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// Settles an article's publication date from what its file and sidecar said: a date that cannot be parsed, lies before
/// 1800 or more than two days after the day of ingestion is dropped with a warning (JSON-LD "0001-01-01" and midnight
/// of 1 January 1970 are a CMS's empty value, not a date), the most trusted plausible date is kept, and disagreeing dates are reported.
/// </summary>
public static class PublicationDates
{
    public static readonly DateOnly Earliest = new(1800, 1, 1);

    private static readonly DateOnly UnixEpoch = new(1970, 1, 1);

    /// <summary>Days after today a date may lie (time zones, embargoed copy).</summary>
    public const int FutureDays = 2;

    /// <summary>Dates a day apart are the same publication seen from two time zones, not a conflict.</summary>
    private const int ConflictDays = 1;

    public static ParsedArticle Settle(ParsedArticle parsed, DateOnly today)
    {
        var candidates = parsed.DateCandidates.Count > 0 ? parsed.DateCandidates
            : parsed.PublishedOn is { } date ? [new DateCandidate("the text", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date, parsed.PublishedTime)]
            : [];
        var warnings = new List<string>(parsed.Warnings);
        var plausible = new List<DateCandidate>();
        foreach (var candidate in candidates)
        {
            if (Problem(candidate, today) is { } problem)
            {
                warnings.Add($"date dropped: {problem}");
            }
            else
            {
                plausible.Add(candidate);
            }
        }

        var kept = plausible.FirstOrDefault();
        var conflicting = plausible.Where(c => Math.Abs(c.Date!.Value.DayNumber - kept!.Date!.Value.DayNumber) > ConflictDays).ToList();
        if (kept is not null && conflicting.Count > 0)
        {
            var others = string.Join(", ", conflicting.Select(c => $"{Format(c.Date!.Value)} ({c.Source})"));
            warnings.Add($"conflicting dates: kept {Format(kept.Date!.Value)} ({kept.Source}) over {others}");
        }

        return parsed with { PublishedOn = kept?.Date, PublishedTime = kept?.Time, Warnings = warnings };
    }

    /// <summary>Why a date cannot stand, or null when it can.</summary>
    public static string? Problem(DateCandidate candidate, DateOnly today)
    {
        var raw = Shorten(candidate.Raw);
        if (candidate.Date is not { } date)
        {
            return $"'{raw}' ({candidate.Source}) is not a date";
        }

        if (date == UnixEpoch && candidate.Time is null or { Hour: 0, Minute: 0, Second: 0 })
        {
            return $"{Format(date)} ({candidate.Source}) is the zero of Unix time, a missing date";
        }

        if (date < Earliest)
        {
            return $"{Format(date)} ({candidate.Source}) is before {Earliest.Year}";
        }

        var latest = today.DayNumber + FutureDays > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : today.AddDays(FutureDays);
        return date > latest ? $"{Format(date)} ({candidate.Source}) is in the future" : null;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string raw) => raw.Length <= 60 ? raw : raw[..59] + "…";
}
