using Microsoft.Extensions.Options;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>
/// What chat flows and the staff API do with notices: broadcasts, status-change messages, rating requests,
/// subscriptions and questions forwarded to staff. Every proactive message goes through the <see cref="Outbox"/>.
/// </summary>
public sealed class NoticeService(
    INoticeStore notices,
    IOutbox outbox,
    ISubscriptionStore subscriptions,
    IHandoffStore handoffs,
    INoticeTexts texts,
    CommuneContext communes,
    IOptionsMonitor<StaffOptions> staff)
{
    public const int MaxTextLength = 2000;
    public const string TextField = "text";
    public const string VillageField = "village";
    public const string ReferenceField = "reference";

    /// <summary>An answered question is quoted up to this length: enough to recognise it.</summary>
    public const int QuotedQuestionLength = 80;

    /// <summary>Accepts a notice for every subscriber, or those of one village; the outbox worker sends it.</summary>
    public NoticeOutcome<Notice> Broadcast(string? text, string? village, string createdBy, ChatAddress? staffChat = null)
    {
        if (ValidateText(text) is { } textError)
        {
            return NoticeOutcome<Notice>.Fail(textError);
        }
        if (!TryResolveVillage(village, out var audience, out var villageError))
        {
            return NoticeOutcome<Notice>.Fail(villageError);
        }
        var notice = notices.Create(text!.Trim(), audience, createdBy, staffChat);
        return NoticeOutcome<Notice>.Ok(notice);
    }

    /// <summary>Tells a resident that their dossier's status changed; <paramref name="text"/> is the whole message.</summary>
    public NoticeOutcome<Delivery> NotifyStatusChange(ChatAddress resident, string? text, IReadOnlyList<string>? actions = null) =>
        Enqueue(DeliveryKind.StatusChange, resident, text, actions);

    /// <summary>
    /// Asks a resident to rate the service once their dossier's result is returned. <paramref name="text"/> carries
    /// the status news first, so the rating request can never arrive before the news it refers to.
    /// </summary>
    public NoticeOutcome<Delivery> RequestRating(ChatAddress resident, string? text, IReadOnlyList<string> ratingChoices) =>
        Enqueue(DeliveryKind.RatingRequest, resident, text, ratingChoices);

    /// <summary>Subscribes a chat to every village's notices (<paramref name="village"/> null) or one village's.</summary>
    public NoticeOutcome<Subscription> Subscribe(ChatAddress chat, string? village)
    {
        if (!TryResolveVillage(village, out var audience, out var error))
        {
            return NoticeOutcome<Subscription>.Fail(error);
        }
        return NoticeOutcome<Subscription>.Ok(subscriptions.Subscribe(chat, audience));
    }

    /// <summary>Returns false when the chat was not subscribed.</summary>
    public bool Unsubscribe(ChatAddress chat) => subscriptions.Unsubscribe(chat);

    /// <summary>
    /// Forwards a resident's question to every known staff chat with a short reference. <see cref="Forwarded.StaffReached"/>
    /// is 0 when no staff member of <c>Staff:Members</c> has written to the bot yet; the question is kept all the same.
    /// </summary>
    public NoticeOutcome<Forwarded> ForwardToStaff(ChatAddress resident, string? question)
    {
        if (ValidateText(question) is { } error)
        {
            return NoticeOutcome<Forwarded>.Fail(error);
        }
        // Staff need the question, not the resident's phone or ID numbers, which stay masked in the record and the message.
        var handoff = handoffs.Create(resident, Masking.NumbersIn(question!.Trim()));
        var staffChats = ReachableStaffChats();
        var text = texts.StaffForward(handoff.Id, handoff.Question);
        foreach (var chat in staffChats)
        {
            outbox.Enqueue(new OutboxMessage(DeliveryKind.StaffForward, chat.Address, text));
        }
        return NoticeOutcome<Forwarded>.Ok(new Forwarded(handoff, staffChats.Count));
    }

    /// <summary>Whether a question forwarded now reaches at least one staff member's chat.</summary>
    public bool CanReachStaff() => ReachableStaffChats().Count > 0;

    /// <summary>Sends a staff answer (<c>/traloi REF text</c>) back to the resident who asked.</summary>
    public NoticeOutcome<Handoff> ReplyToResident(string reference, string? text, string staffName)
    {
        var handoff = handoffs.Find(reference);
        if (handoff is null)
        {
            return NoticeOutcome<Handoff>.Fail(new InputError(ReferenceField, InputProblem.UnknownReference, reference.Trim()));
        }
        if (ValidateText(text) is { } error)
        {
            return NoticeOutcome<Handoff>.Fail(error);
        }
        outbox.Enqueue(new OutboxMessage(
            DeliveryKind.StaffReply,
            handoff.Resident,
            texts.StaffReply(handoff.Id, text!.Trim()),
            texts.AfterReplyActions));
        handoffs.AddMessage(handoff.Id, staffName, text.Trim());
        return NoticeOutcome<Handoff>.Ok(handoffs.MarkAnswered(handoff, staffName));
    }

    /// <summary>
    /// Sends a staff answer to a question the bot could not answer, quoting the question so the resident knows which;
    /// the same message and buttons as an answer to a forwarded question.
    /// </summary>
    public NoticeOutcome<Delivery> AnswerQuestion(ChatAddress resident, string question, string? text)
    {
        if (ValidateText(text) is { } error)
        {
            return NoticeOutcome<Delivery>.Fail(error);
        }
        var quoted = question.Length > QuotedQuestionLength ? question[..QuotedQuestionLength].TrimEnd() + "…" : question;
        return Enqueue(DeliveryKind.StaffReply, resident, texts.StaffReply($"“{quoted}”", text!.Trim()), texts.AfterReplyActions);
    }

    /// Keeps a resident's message in their open handoff's conversation, so staff following it see it; numbers masked as
    /// in the question. False when the resident has no open handoff or the text is not a message.
    /// </summary>
    public bool KeepResidentMessage(ChatAddress resident, string? text)
    {
        if (ValidateText(text) is not null || handoffs.OpenFor(resident) is not { } handoff)
        {
            return false;
        }
        handoffs.AddMessage(handoff.Id, staffName: null, Masking.NumbersIn(text!.Trim()));
        return true;
    }

    /// <summary>Ends a handoff's conversation; the resident's later messages go to the bot only.</summary>
    public NoticeOutcome<Handoff> CloseHandoff(string reference, string staffName) =>
        handoffs.Find(reference) is { } handoff
            ? NoticeOutcome<Handoff>.Ok(handoff.ClosedAt is null ? handoffs.Close(handoff, staffName) : handoff)
            : NoticeOutcome<Handoff>.Fail(new InputError(ReferenceField, InputProblem.UnknownReference, reference.Trim()));

    /// <summary>Null when <paramref name="text"/> can be sent; otherwise what is wrong with it.</summary>
    public static InputError? ValidateText(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return new InputError(TextField, InputProblem.Empty);
        }
        if (trimmed.Length > MaxTextLength)
        {
            return new InputError(TextField, InputProblem.TooLong, Length: trimmed.Length, Limit: MaxTextLength);
        }
        return null;
    }

    /// <summary>Null or blank means every village; otherwise the village must be one of <c>Office:Villages</c>.</summary>
    public bool TryResolveVillage(string? village, out string? audience, out InputError error)
    {
        audience = null;
        error = null!;
        if (string.IsNullOrWhiteSpace(village))
        {
            return true;
        }
        // The current commune's own villages: a broadcast never reaches another commune's.
        var options = communes.Current.Office;
        audience = options.ResolveVillage(village);
        if (audience is null)
        {
            var shown = village.Trim();
            shown = shown.Length > 50 ? shown[..50] + "…" : shown;
            error = new InputError(VillageField, InputProblem.UnknownVillage, shown, Choices: options.Villages);
            return false;
        }
        return true;
    }

    // Only chats of members still in Staff:Members: a member removed from the settings gets no more questions.
    private List<StaffChat> ReachableStaffChats() =>
        handoffs.StaffChats().Where(c => staff.CurrentValue.IsStaff(c.Address.ChannelId, c.Address.UserId)).ToList();

    private NoticeOutcome<Delivery> Enqueue(DeliveryKind kind, ChatAddress to, string? text, IReadOnlyList<string>? actions)
    {
        if (ValidateText(text) is { } error)
        {
            return NoticeOutcome<Delivery>.Fail(error);
        }
        return NoticeOutcome<Delivery>.Ok(outbox.Enqueue(new OutboxMessage(kind, to, text!.Trim(), actions)));
    }
}

/// <summary>Why input cannot be accepted; the chat and the staff API word it for the person who typed it.</summary>
public enum InputProblem
{
    Empty,
    /// <summary><see cref="InputError.Length"/> characters, more than <see cref="InputError.Limit"/>.</summary>
    TooLong,
    /// <summary><see cref="InputError.Given"/> is none of <see cref="InputError.Choices"/> (the configured villages).</summary>
    UnknownVillage,
    /// <summary>No forwarded question has the reference <see cref="InputError.Given"/>.</summary>
    UnknownReference,
}

/// <summary>Input that cannot be accepted: which field, why, and what the wording needs (what was typed, lengths, choices).</summary>
public sealed record InputError(
    string Field, InputProblem Problem, string? Given = null, int Length = 0, int Limit = 0, IReadOnlyList<string>? Choices = null);

/// <summary>The result of a <see cref="NoticeService"/> call: a value, or the reason there is none.</summary>
public sealed record NoticeOutcome<T>(T? Value, InputError? Error)
    where T : class
{
    public bool Succeeded => Error is null;

    public static NoticeOutcome<T> Ok(T value) => new(value, null);

    public static NoticeOutcome<T> Fail(InputError error) => new(null, error);
}

/// <summary>A question forwarded to staff, and how many staff chats it was sent to.</summary>
public sealed record Forwarded(Handoff Handoff, int StaffReached);
