using System.Security.Cryptography;
using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>Questions forwarded to staff, and the staff chats they are forwarded to.</summary>
public sealed class HandoffStore(OfficeDatabase database, CommuneContext communes, TimeProvider timeProvider) : IHandoffStore
{
    public const string CollectionName = "handoffs";
    public const string StaffChatsCollectionName = "staff_chats";
    public const string MessagesCollectionName = "handoff_messages";
    public const int ReferenceLength = 4;

    /// <summary>The index expression of the resident's user id: every message of a turn asks whether its chat has an open handoff.</summary>
    internal const string ResidentUserExpression = "$.Resident.UserId";

    // No 0/O, 1/I: staff copy references by hand.
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly ILiteCollection<Handoff> handoffs = database.Collection<Handoff>(CollectionName);
    private readonly ILiteCollection<StaffChat> staffChats = database.Collection<StaffChat>(StaffChatsCollectionName);
    private readonly ILiteCollection<HandoffMessage> messages = database.Collection<HandoffMessage>(MessagesCollectionName);

    public Handoff Create(ChatAddress resident, string question)
    {
        while (true)
        {
            var handoff = new Handoff
            {
                Commune = communes.Current.Id,
                Id = RandomNumberGenerator.GetString(ReferenceAlphabet, ReferenceLength),
                Resident = resident,
                Question = question,
                AskedAt = timeProvider.GetUtcNow(),
            };
            try
            {
                handoffs.Insert(handoff);
                return handoff;
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                // That reference is taken: draw another.
            }
        }
    }

    /// <summary>Finds a handoff by its reference as staff type it (any case, spaces, a leading '#').</summary>
    public Handoff? Find(string reference)
    {
        var normalized = reference.Trim().TrimStart('#').Trim().ToUpperInvariant();
        return normalized.Length == ReferenceLength ? handoffs.FindById(normalized).Own(communes.Current.Id) : null;
    }

    public Handoff MarkAnswered(Handoff handoff, string answeredBy)
    {
        var answered = handoff with { AnsweredAt = timeProvider.GetUtcNow(), AnsweredBy = answeredBy };
        handoffs.Update(answered);
        return answered;
    }

    public Handoff Close(Handoff handoff, string closedBy)
    {
        var closed = handoff with { ClosedAt = timeProvider.GetUtcNow(), ClosedBy = closedBy };
        handoffs.Update(closed);
        return closed;
    }

    public IReadOnlyList<Handoff> Open(int count) =>
        handoffs.In(communes.Current.Id).Where(h => h.ClosedAt == null).OrderBy(h => h.AskedAt).Limit(Math.Clamp(count, 1, 500)).ToList();

    public Handoff? OpenFor(ChatAddress resident) =>
        handoffs.In(communes.Current.Id, Filter.Equal(ResidentUserExpression, resident.UserId)).ToEnumerable()
            .Where(h => h.ClosedAt is null && h.Resident.IsSameChat(resident)).MaxBy(h => h.AskedAt);

    public HandoffMessage AddMessage(string handoffId, string? staffName, string text)
    {
        var message = new HandoffMessage { Commune = communes.Current.Id, HandoffId = handoffId, StaffName = staffName, Text = text, At = timeProvider.GetUtcNow() };
        var id = messages.Insert(message).AsInt64;
        return message with { Id = id };
    }

    public IReadOnlyList<HandoffMessage> Messages(string handoffId, long after, int count) =>
        messages.In(communes.Current.Id, Filter.Equal(nameof(HandoffMessage.HandoffId), handoffId)).Where(Filter.After("_id", after))
            .OrderBy(m => m.Id).Limit(count).ToList();

    public void RememberStaffChat(ChatAddress chat) =>
        staffChats.Upsert(new StaffChat { Commune = communes.Current.Id, Id = chat.Key, Address = chat, SeenAt = timeProvider.GetUtcNow() });

    public IReadOnlyList<StaffChat> StaffChats() => staffChats.In(communes.Current.Id).ToList();
}
