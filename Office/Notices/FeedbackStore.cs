using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

public sealed class FeedbackStore(OfficeDatabase database, CommuneContext communes, TimeProvider timeProvider) : IFeedbackStore
{
    public const string CollectionName = "feedback";
    public const int MaxLength = 2000;

    private readonly ILiteCollection<Feedback> feedback = database.Collection<Feedback>(CollectionName);

    /// <exception cref="ArgumentException">The text is empty or longer than <see cref="MaxLength"/>.</exception>
    public Feedback Add(ChatAddress chat, string text)
    {
        text = text.Trim();
        if (text.Length is 0 or > MaxLength)
        {
            throw new ArgumentException($"Feedback has 1 to {MaxLength} characters.", nameof(text));
        }
        var entry = new Feedback { Commune = communes.Current.Id, ChannelId = chat.ChannelId, UserId = chat.UserId, Text = text, GivenAt = timeProvider.GetUtcNow() };
        return entry with { Id = feedback.Insert(entry).AsInt32 };
    }

    /// <summary>The newest feedback first.</summary>
    public IReadOnlyList<Feedback> Latest(int count) =>
        feedback.In(communes.Current.Id).OrderByDescending(nameof(Feedback.GivenAt)).Limit(count).ToList();
}
