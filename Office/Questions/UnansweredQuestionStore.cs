using LiteDB;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Questions;

/// <summary>A question the bot could not answer, kept for staff to improve the knowledge base. No personal data.</summary>
public sealed record UnansweredQuestion
{
    public int Id { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset AskedAt { get; init; }

    public required string ChannelId { get; init; }
}

public sealed class UnansweredQuestionStore(OfficeDatabase database, TimeProvider time) : IUnansweredQuestionStore
{
    public const string CollectionName = "unanswered_questions";

    /// <summary>Questions longer than this are cut: staff need the gist, not an essay.</summary>
    public const int MaxLength = 500;

    private ILiteCollection<UnansweredQuestion> Questions => database.Collection<UnansweredQuestion>(CollectionName);

    /// <summary>Keeps the question with phone and ID numbers masked.</summary>
    public UnansweredQuestion Record(string text, string channelId)
    {
        var masked = Masking.NumbersIn(text.Trim());
        var question = new UnansweredQuestion
        {
            Text = masked.Length > MaxLength ? masked[..MaxLength] : masked,
            AskedAt = time.GetUtcNow(),
            ChannelId = channelId,
        };
        var id = Questions.Insert(question);
        return question with { Id = id.AsInt32 };
    }

    /// <summary>The most recent questions first (ids grow with each question kept).</summary>
    public IReadOnlyList<UnansweredQuestion> Latest(int count) =>
        Questions.Query().OrderByDescending(q => q.Id).Limit(count).ToList();
}
