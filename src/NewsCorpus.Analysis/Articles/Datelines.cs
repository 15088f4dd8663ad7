using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsCorpus.Analysis.Articles;

/// <summary>A publication date, with a time of day when the text gives one.</summary>
public readonly record struct PublicationDate(DateOnly Date, TimeOnly? Time);

/// <summary>Reads date lines such as "JANUARY 5, 2020 18:29", "5 Jan 2020" or "Published: 2020-01-05 09:15".</summary>
public static partial class Datelines
{
    private const string Month =
        "(?<month>jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?)?\\.?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";

    private const string Time =
        "(?:\\s*(?:[,|\\-–—]|at)?\\s*(?<hour>\\d{1,2})[:.](?<minute>\\d{2})\\s*(?<ampm>[ap]\\.?m\\.?)?\\s*(?:GMT|UTC|BST|CET|CEST|ET|EST|EDT|PT|PST|PDT|IST|AST|[+-]\\d{2}:?\\d{2})?)?";

    private const string Prefix =
        "^(?:(?<label>published|posted|updated|last updated|first published)\\s*(?:on|at)?\\s*:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";

    [GeneratedRegex(Prefix + Month + "\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})" + Time + "\\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(Prefix + "(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+" + Month + ",?\\s+(?<year>\\d{4})" + Time + "\\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(Prefix + "(?<year>\\d{4})-(?<mon>\\d{2})-(?<day>\\d{2})(?:[T ]" + "(?<hour>\\d{2}):(?<minute>\\d{2})(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?\\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    /// <summary>Parses a line that is nothing but a date (and perhaps a time and a label).</summary>
    public static bool TryParseLine(string line, out PublicationDate date, out bool isUpdateNote)
    {
        date = default;
        isUpdateNote = false;
        var text = line.Trim();
        if (text.Length is < 6 or > 80)
        {
            return false;
        }

        var match = MonthFirst().Match(text);
        if (!match.Success)
        {
            match = DayFirst().Match(text);
        }

        int month;
        if (match.Success)
        {
            month = MonthNumber(match.Groups["month"].Value);
        }
        else
        {
            match = Iso().Match(text);
            if (!match.Success)
            {
                return false;
            }

            month = int.Parse(match.Groups["mon"].Value, CultureInfo.InvariantCulture);
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        TimeOnly? time = null;
        if (match.Groups["hour"].Success)
        {
            var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
            var ampm = match.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
            if (ampm == "PM" && hour < 12)
            {
                hour += 12;
            }
            else if (ampm == "AM" && hour == 12)
            {
                hour = 0;
            }

            if (hour is >= 0 and < 24 && minute is >= 0 and < 60)
            {
                time = new TimeOnly(hour, minute);
            }
        }

        var label = match.Groups["label"].Value;
        isUpdateNote = label.Contains("updated", StringComparison.OrdinalIgnoreCase);
        date = new PublicationDate(new DateOnly(year, month, day), time);
        return true;
    }

    private static int MonthNumber(string name) => name[..3].ToUpperInvariant() switch
    {
        "JAN" => 1,
        "FEB" => 2,
        "MAR" => 3,
        "APR" => 4,
        "MAY" => 5,
        "JUN" => 6,
        "JUL" => 7,
        "AUG" => 8,
        "SEP" => 9,
        "OCT" => 10,
        "NOV" => 11,
        _ => 12,
    };
}
