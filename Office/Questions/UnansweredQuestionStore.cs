using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Questions;

/// <summary>
/// A question the bot could not answer (or answered unsure), kept for staff to answer the resident and teach the bot.
/// Phone and ID numbers are masked before it is stored.
/// </summary>
public sealed record UnansweredQuestion : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public int Id { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset AskedAt { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>Where the answer goes; null for questions kept before addresses were.</summary>
    public ChatAddress? Resident { get; init; }

    /// <summary>The staff answer sent to the resident, if any.</summary>
    public QuestionAnswer? Answer { get; init; }

    /// <summary>What staff said the question is about, and who approved it as a training example.</summary>
    public QuestionLabel? Label { get; init; }
}

/// <summary>A staff answer: what, who, when.</summary>
public sealed record QuestionAnswer(string Text, string By, DateTimeOffset At);

/// <summary>
/// A question labelled by staff: its procedure and aspect (an aspect name such as <c>fee</c>, <c>none</c> when general),
/// or out of scope. It becomes a training example once <see cref="ApprovedBy"/> is set; <see cref="InUse"/> once a
/// retrained model with it was accepted.
/// </summary>
public sealed record QuestionLabel
{
    public string? ProcedureId { get; init; }

    public string Aspect { get; init; } = "none";

    public bool OutOfScope { get; init; }

    public required string LabelledBy { get; init; }

    public DateTimeOffset LabelledAt { get; init; }

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public bool InUse { get; init; }

    [BsonIgnore]
    public bool Approved => ApprovedBy is not null;
}

public sealed class UnansweredQuestionStore(OfficeDatabase database, CommuneContext communes, TimeProvider time) : IUnansweredQuestionStore
{
    public const string CollectionName = "unanswered_questions";

    /// <summary>Questions longer than this are cut: staff need the gist, not an essay.</summary>
    public const int MaxLength = 500;

    private ILiteCollection<UnansweredQuestion> Questions => database.Collection<UnansweredQuestion>(CollectionName);

    /// <summary>Keeps the question with phone and ID numbers masked, and the chat to answer.</summary>
    public UnansweredQuestion Record(string text, ChatAddress resident)
    {
        var masked = Masking.NumbersIn(text.Trim());
        var question = new UnansweredQuestion
        {
            Commune = communes.Current.Id,
            Text = masked.Length > MaxLength ? masked[..MaxLength] : masked,
            AskedAt = time.GetUtcNow(),
            ChannelId = resident.ChannelId,
            Resident = resident,
        };
        var id = Questions.Insert(question);
        return question with { Id = id.AsInt32 };
    }

    /// <summary>The most recent questions first (ids grow with each question kept).</summary>
    public IReadOnlyList<UnansweredQuestion> Latest(int count) =>
        Questions.In(communes.Current.Id).OrderByDescending(q => q.Id).Limit(count).ToList();

    public UnansweredQuestion? Get(int id) => Questions.FindById(id).Own(communes.Current.Id);

    /// <summary>Saves a question of the current commune; another commune's question is left as it is.</summary>
    public void Update(UnansweredQuestion question)
    {
        if (Get(question.Id) is not null)
        {
            Questions.Update(question with { Commune = communes.Current.Id });
        }
    }

    public IReadOnlyList<UnansweredQuestion> ApprovedInProvince(int count) =>
        Questions.Query().Where(q => q.Label != null && q.Label.ApprovedBy != null).OrderBy(q => q.Id).Limit(count).ToList();

    public void MarkInUse(IReadOnlyList<int> ids) => database.InTransaction(() =>
    {
        foreach (var id in ids)
        {
            if (Questions.FindById(id) is { Label: { Approved: true, InUse: false } label } question)
            {
                Questions.Update(question with { Label = label with { InUse = true } });
            }
        }
        return ids.Count;
    });
}
