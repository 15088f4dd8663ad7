using System.Text;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

/// <summary>Articles written for these tests: other sites, other credits, other layouts.</summary>
public sealed class VariantArticleTests
{
    private const string Story =
        "The city council approved the new budget on Tuesday after a six-hour debate that ran late into the night.\n" +
        "Council member Jane Okafor said the plan would fund 40 new teachers and repair two bridges.\n" +
        "Opponents argued that the property tax increase would hurt small businesses in the old town.\n";

    [Fact]
    public void Pipe_masthead_names_the_outlet_and_agency_dateline_names_the_origin()
    {
        var text = "The Daily Ledger | Local News Sports Business Opinion\n\n" +
                   "Council passes budget after marathon session\n\n" +
                   "SPRINGFIELD (AP) — " + Story;
        var article = PlainTextArticleReader.Read(text);
        Assert.Equal("The Daily Ledger", article.Outlet);
        Assert.Equal("Associated Press", article.WireOrigin);
        Assert.Equal("Council passes budget after marathon session", article.Title);
        Assert.False(article.TitleDerived);
        Assert.Equal(3, article.Paragraphs.Count);
    }

    [Theory]
    [InlineData("By The Associated Press", "Associated Press")]
    [InlineData("By AFP", "AFP")]
    [InlineData("By Reuters Staff", "Reuters")]
    [InlineData("By Jane Doe, Reuters", "Reuters")]
    public void Agency_bylines_give_the_wire_origin(string byline, string origin)
    {
        var article = PlainTextArticleReader.Read($"Budget passes after long night\n{byline}\n{Story}");
        Assert.Equal(origin, article.WireOrigin);
        Assert.DoesNotContain(byline, article.Paragraphs);
    }

    [Fact]
    public void A_staff_byline_is_kept_as_byline_without_a_wire_origin()
    {
        var article = PlainTextArticleReader.Read($"Budget passes after long night\nBy Maria Fernández and Li Wei\n{Story}");
        Assert.Equal("Maria Fernández and Li Wei", article.Byline);
        Assert.Null(article.WireOrigin);
    }

    [Fact]
    public void Mentions_of_an_agency_inside_the_story_are_not_the_origin()
    {
        var text = Story + "\"We will appeal,\" the mayor told Reuters on Wednesday.\nAn AFP photographer saw crowds outside the hall.\n";
        Assert.Null(PlainTextArticleReader.Read(text).WireOrigin);
    }

    [Fact]
    public void Story_lines_starting_with_By_are_not_bylines()
    {
        var text = Story + "By Wednesday morning the streets around the hall were quiet again.\n";
        var article = PlainTextArticleReader.Read(text);
        Assert.Null(article.Byline);
        Assert.Contains("By Wednesday morning the streets around the hall were quiet again.", article.Paragraphs);
    }

    [Fact]
    public void Republication_and_copyright_notices_name_the_origin()
    {
        var republished = PlainTextArticleReader.Read("This story first appeared on The Conversation and is republished under a Creative Commons licence.\n" + Story);
        Assert.Equal("The Conversation", republished.WireOrigin);

        var copyright = PlainTextArticleReader.Read(Story + "Copyright 2021 The Associated Press. All rights reserved.\n");
        Assert.Equal("Associated Press", copyright.WireOrigin);
        Assert.Equal(3, copyright.Paragraphs.Count);
    }

    [Fact]
    public void Crlf_line_ends_read_like_lf()
    {
        var lf = PlainTextArticleReader.Read("Budget passes after long night\n\n" + Story);
        var crlf = PlainTextArticleReader.Read(("Budget passes after long night\n\n" + Story).Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(lf.Paragraphs, crlf.Paragraphs);
        Assert.Equal(lf.Title, crlf.Title);
        Assert.DoesNotContain(crlf.Paragraphs, p => p.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_with_no_headline_gets_a_derived_title_from_its_first_sentence()
    {
        var article = PlainTextArticleReader.Read("Mr. Smith went to Washington. He met the U.S. senator there.\n" + Story);
        Assert.True(article.TitleDerived);
        Assert.Equal("Mr. Smith went to Washington", article.Title);
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_joined()
    {
        const string text = "Storm closes ports along the coast\n\n" +
            "Heavy rain and winds of up to 120 km/h forced the closure of three ports on\n" +
            "Sunday, the maritime authority said, as the storm moved north along the\n" +
            "coast towards the capital.\n\n" +
            "Fishermen were told to stay ashore until at least Tuesday, and schools in\n" +
            "four districts will remain shut.\n";
        var article = PlainTextArticleReader.Read(text);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("Heavy rain and winds of up to 120 km/h forced the closure of three ports on Sunday,", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Prompts_captions_and_update_notes_are_removed_with_reasons()
    {
        var text = "Budget passes after long night\n" +
                   "Published: 12 March 2021 09:15\n" +
                   "Councillors vote in the chamber on Tuesday. (Photo by John Smith/Getty Images)\n" +
                   Story +
                   "Advertisement\n" +
                   "Follow The Springfield Courier on Twitter for live updates.\n" +
                   "Sign up for our morning newsletter\n" +
                   "Updated: this story has been corrected to fix the number of teachers.\n";
        var article = PlainTextArticleReader.Read(text);
        Assert.Equal(new DateOnly(2021, 3, 12), article.PublishedOn);
        Assert.Equal(new TimeOnly(9, 15), article.PublishedTime);
        Assert.Equal("The Springfield Courier", article.Outlet);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Contains(article.Removed, r => r.Reason == BoilerplateReasons.Caption);
        Assert.Contains(article.Removed, r => r.Reason == BoilerplateReasons.Advertisement);
        Assert.Contains(article.Removed, r => r.Reason == BoilerplateReasons.ChannelPromotion);
        Assert.Contains(article.Removed, r => r.Reason == BoilerplateReasons.Newsletter);
        Assert.Contains(article.Removed, r => r.Reason == BoilerplateReasons.PageUpdate);
    }

    [Fact]
    public void A_story_sentence_that_mentions_a_newsletter_or_cookies_is_kept()
    {
        var text = Story + "The council's own newsletter, which goes to 12,000 homes, had warned residents about the vote weeks ago.\n" +
                   "Officials said the bakery that sold cookies outside the hall had agreed to the privacy rules for its customers.\n";
        var article = PlainTextArticleReader.Read(text);
        Assert.Equal(5, article.Paragraphs.Count);
    }

    [Fact]
    public void Sidecar_metadata_overrides_what_the_text_shows()
    {
        var sidecar = new SidecarMetadata { Outlet = "Springfield Courier", Title = "Budget approved", Date = new DateOnly(2021, 3, 9), Author = "Jane Okafor", Url = "https://example.org/budget" };
        var article = PlainTextArticleReader.Read("The Daily Ledger | Local News Sports\nCouncil passes budget\n" + Story, sidecar);
        Assert.Equal("Springfield Courier", article.Outlet);
        Assert.Equal("sidecar metadata file", article.OutletEvidence);
        Assert.Equal("Budget approved", article.Title);
        Assert.False(article.TitleDerived);
        Assert.Equal(new DateOnly(2021, 3, 9), article.PublishedOn);
        Assert.Equal("Jane Okafor", article.Byline);
        Assert.Equal("https://example.org/budget", article.Url);
    }

    [Fact]
    public void Without_evidence_the_outlet_stays_unknown()
    {
        var article = PlainTextArticleReader.Read("Council passes budget after marathon session\n" + Story);
        Assert.Null(article.Outlet);
        Assert.Null(article.OutletEvidence);
    }

    [Fact]
    public void Typographic_quotes_and_dashes_are_kept_as_written()
    {
        var article = PlainTextArticleReader.Read("“We did it — finally,” she said, adding that the ‘long’ night was worth it for the town.\n");
        Assert.Equal("“We did it — finally,” she said, adding that the ‘long’ night was worth it for the town.", article.Paragraphs.Single());
    }

    [Fact]
    public void Windows_1252_bytes_decode_to_the_right_characters()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 owners said ").Concat(new byte[] { 0x93, 0x6e, 0x6f, 0x94, 0x20, 0x96, 0x20 }).Concat(Encoding.ASCII.GetBytes("again.")).ToArray();
        var decoded = TextDecoder.Decode(bytes);
        Assert.True(decoded.Succeeded);
        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Equal("Café owners said “no” – again.", decoded.Text);
    }
}
