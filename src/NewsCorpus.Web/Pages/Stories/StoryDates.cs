using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Stories;

/// <summary>A story's date span as it reads on the pages.</summary>
public static class StoryDates
{
    public static string Span(DateOnly? first, DateOnly? last) => (first, last) switch
    {
        (null, _) or (_, null) => "dates unknown",
        var (f, l) when f == l => Display.Date(f),
        var (f, l) => $"{Display.Date(f)} – {Display.Date(l)}",
    };
}
