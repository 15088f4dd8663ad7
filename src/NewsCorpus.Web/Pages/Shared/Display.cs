using System.Globalization;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>How dates and missing values read on the pages.</summary>
public static class Display
{
    public static string Date(DateOnly? date, TimeOnly? time = null) => date switch
    {
        null => "date unknown",
        { } d when time is { } t => $"{d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {t.ToString("HH:mm", CultureInfo.InvariantCulture)}",
        { } d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
    };

    public static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
