using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Tests.Search;

/// <summary>Applying the outbox in order: no change is passed over while it may still commit, and a lost number does not stall the index.</summary>
public sealed class OutboxCursorTests
{
    private static readonly DateTime Start = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Consecutive_changes_move_the_watermark()
    {
        var cursor = new OutboxCursor(TimeSpan.FromSeconds(60));
        cursor.Applied([1, 2, 3]);
        Assert.True(cursor.Advance(Start));
        Assert.Equal(3, cursor.Watermark);
        Assert.Equal(0, cursor.AppliedAbove);
    }

    [Fact]
    public void A_missing_number_holds_the_watermark_until_it_commits()
    {
        var cursor = new OutboxCursor(TimeSpan.FromSeconds(60));
        cursor.Applied([1, 3, 4]);
        cursor.Advance(Start);
        Assert.Equal(1, cursor.Watermark);
        Assert.True(cursor.IsApplied(3));
        Assert.False(cursor.IsApplied(2));

        // The transaction holding 2 commits a little later: it is applied, and the watermark passes everything.
        cursor.Applied([2]);
        cursor.Advance(Start.AddSeconds(5));
        Assert.Equal(4, cursor.Watermark);
    }

    [Fact]
    public void A_number_that_never_commits_is_passed_after_the_patience()
    {
        var cursor = new OutboxCursor(TimeSpan.FromSeconds(60));
        cursor.Applied([1, 3]);
        cursor.Advance(Start);
        cursor.Advance(Start.AddSeconds(30));
        Assert.Equal(1, cursor.Watermark);

        cursor.Advance(Start.AddSeconds(61));
        Assert.Equal(3, cursor.Watermark);
    }

    [Fact]
    public void Without_patience_a_gap_is_passed_at_once()
    {
        var cursor = new OutboxCursor(TimeSpan.Zero);
        cursor.Reset(10);
        cursor.Applied([12, 13]);
        cursor.Advance(Start);
        Assert.Equal(13, cursor.Watermark);
    }
}
