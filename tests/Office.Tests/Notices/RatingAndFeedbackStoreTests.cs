using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;
using OneStopBot.Office.Notices;

namespace OneStopBot.Office.Tests.Notices;

/// <summary>What every storage engine's store must do; <see cref="LiteDbRatingAndFeedbackStoreTests"/> runs it on LiteDB.</summary>
public abstract class RatingAndFeedbackStoreContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    [Fact]
    public void Satisfaction_counts_ratings_by_office_day_inclusive()
    {
        var ratings = Get<IRatingStore>();
        var chat = NoticeTestHost.Chat("u1");
        // 2026-11-30 02:00 UTC is 09:00 in the office; 22 hours later it is already the next office day.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), Time.GetUtcNow());
        ratings.Add(chat, Satisfaction.Satisfied, "000.32.30.H49-261130-0001");
        ratings.Add(chat, Satisfaction.Unsatisfied, comment: "  Chờ lâu  ");
        Time.Advance(TimeSpan.FromHours(22));
        ratings.Add(chat, Satisfaction.Satisfied);
        ratings.Add(chat, Satisfaction.Neutral);
        Time.Advance(TimeSpan.FromDays(1));
        ratings.Add(chat, Satisfaction.Satisfied);

        Assert.Equal((1, 2), ratings.CountSatisfaction(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30)));
        Assert.Equal((2, 4), ratings.CountSatisfaction(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1)));
        Assert.Equal((3, 5), ratings.CountSatisfaction(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal((0, 0), ratings.CountSatisfaction(new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29)));
        var forDossier = Assert.Single(ratings.ForDossier("000.32.30.H49-261130-0001"));
        Assert.Equal(new DateOnly(2026, 11, 30), forDossier.Day);
    }

    [Fact]
    public void A_comment_is_trimmed_and_an_overlong_one_is_refused()
    {
        var ratings = Get<IRatingStore>();
        var chat = NoticeTestHost.Chat("u1");

        Assert.Equal("Tốt 👍", ratings.Add(chat, Satisfaction.Satisfied, comment: " Tốt 👍 ").Comment);
        Assert.Null(ratings.Add(chat, Satisfaction.Satisfied, comment: "   ").Comment);
        Assert.Throws<ArgumentException>(() => ratings.Add(chat, Satisfaction.Neutral, comment: new string('a', RatingStore.MaxCommentLength + 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_feedback_is_refused(string? text)
    {
        var feedback = Get<IFeedbackStore>();
        Assert.Throws<ArgumentException>(() => feedback.Add(NoticeTestHost.Chat("u1"), text ?? string.Empty));
    }

    [Fact]
    public void Feedback_is_listed_newest_first()
    {
        var feedback = Get<IFeedbackStore>();
        feedback.Add(NoticeTestHost.Chat("u1"), "Cần thêm ghế chờ");
        Time.Advance(TimeSpan.FromMinutes(5));
        feedback.Add(NoticeTestHost.Chat("u2"), "Cán bộ nhiệt tình 😊");

        Assert.Equal(["Cán bộ nhiệt tình 😊", "Cần thêm ghế chờ"], feedback.Latest(10).Select(f => f.Text));
        Assert.Throws<ArgumentException>(() => feedback.Add(NoticeTestHost.Chat("u1"), new string('x', FeedbackStore.MaxLength + 1)));
    }
}

public sealed class LiteDbRatingAndFeedbackStoreTests : RatingAndFeedbackStoreContract<LiteDbStores>;
