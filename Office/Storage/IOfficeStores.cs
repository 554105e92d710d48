using OneStopBot.Office.Channels;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Staff;

namespace OneStopBot.Office.Storage;

// The office's records as the rest of the system reaches them. LiteDB implements each; the dossiers are also kept on
// PostgreSQL (several communes on a shared database), which passes the same contract tests.

/// <summary>Dossiers: filing, lookup and status changes.</summary>
public interface IDossierStore
{
    string AgencyCode { get; }

    Task<Dossier> PreRegisterAsync(NewDossier request, CancellationToken cancellationToken = default);

    Task<Dossier> ReceiveAsync(NewDossier request, string staff, CancellationToken cancellationToken = default);

    Task<Dossier?> FindAsync(string? code, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Dossier>> ListByOwnerAsync(string channelId, string userId, CancellationToken cancellationToken = default);

    Task<Dossier?> ChangeStatusAsync(string code, DossierStatus status, string staff, string? note, CancellationToken cancellationToken = default);
}

/// <summary>
/// Dossiers written with codes or times from elsewhere: the provincial system's export, and sample data dated in the
/// past. Apart from <see cref="IDossierStore"/>, whose writes are the office's own, dated now.
/// </summary>
public interface IDossierArchive
{
    /// <summary>
    /// Inserts dossiers with the codes another system gave them, as one all-or-nothing batch, with their daily figures
    /// and one audit entry (<c>dossier.import</c>) naming every code that went in. Per row, whether it went in: false
    /// when its code is taken, by a stored dossier or by an earlier row of the batch.
    /// </summary>
    Task<IReadOnlyList<bool>> InsertImportedAsync(IReadOnlyList<ImportedDossier> rows, string staff, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Files a dossier at <paramref name="at"/>: received by <paramref name="staff"/>, or pre-registered by a resident when null.</summary>
    Task<Dossier> FileAtAsync(NewDossier request, string? staff, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary><see cref="IDossierStore.ChangeStatusAsync"/> dated <paramref name="at"/>, its audit entry too.</summary>
    Task<Dossier?> ChangeStatusAtAsync(string code, DossierStatus status, string staff, string? note, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>True when the current commune has no dossier stored at all.</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> as one unit of work (<see cref="IUnitOfWork"/>): its writes through this archive are
    /// kept all together or none. On LiteDB the work must complete without waiting (no transaction spans an await).
    /// </summary>
    Task<T> AllOrNothingAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}

/// <summary>Chats that receive notices, and the chats already asked whether they want them.</summary>
public interface ISubscriptionStore
{
    Subscription Subscribe(ChatAddress chat, string? village);

    bool Unsubscribe(ChatAddress chat);

    Subscription? Find(ChatAddress chat);

    bool IsSubscribed(ChatAddress chat);

    bool TryMarkAsked(ChatAddress chat);

    IReadOnlyList<Subscription> AudiencePage(string? village, string? after, int pageSize);

    int CountAudience(string? village, string? after = null);

    int Count();
}

/// <summary>Broadcast notices and their fan-out into the outbox.</summary>
public interface INoticeStore
{
    Notice Create(string text, string? village, string createdBy, ChatAddress? reportTo);

    Notice? Get(int id);

    /// <summary>Every commune's notices still to fan out: the one drain that reads across communes.</summary>
    IReadOnlyList<Notice> AwaitingFanOut();

    /// <summary>Fans out the next page of the current commune's notice <paramref name="noticeId"/>.</summary>
    bool FanOutNextPage(int noticeId, int pageSize);

    NoticeProgress? Progress(int id);

    /// <summary>The newest <paramref name="count"/> notices, newest first.</summary>
    IReadOnlyList<Notice> Latest(int count);
}

/// <summary>The durable outbox of proactive messages.</summary>
public interface IOutbox
{
    Delivery Enqueue(OutboxMessage message);

    Delivery? Get(long id);

    /// <summary>Every commune's rows due now, each carrying its commune: the sending worker serves the province.</summary>
    IReadOnlyList<Delivery> Due(DateTimeOffset now, int limit);

    DateTimeOffset? NextDueAt();

    void MarkSent(long id);

    void MarkSent(IReadOnlyCollection<long> ids);

    void MarkFailed(long id, string reason);

    void Reschedule(long id, DateTimeOffset dueAt, string reason);
}

/// <summary>Residents' ratings of the service.</summary>
public interface IRatingStore
{
    Rating Add(ChatAddress chat, Satisfaction score, string? dossierCode = null, string? comment = null);

    Rating? AddOnce(ChatAddress chat, Satisfaction score, string dossierCode);

    bool IsRated(string dossierCode);

    (int Satisfied, int Total) CountSatisfaction(DateOnly from, DateOnly to);

    bool AddComment(int ratingId, string comment);

    IReadOnlyList<Rating> ForDossier(string dossierCode);

    /// <summary>The latest ratings, newest first, with their comments.</summary>
    IReadOnlyList<Rating> Latest(int count);
}

/// <summary>Residents' feedback ("Góp ý").</summary>
public interface IFeedbackStore
{
    Feedback Add(ChatAddress chat, string text);

    IReadOnlyList<Feedback> Latest(int count);
}

/// <summary>Questions forwarded to staff, and the staff chats they are forwarded to.</summary>
public interface IHandoffStore
{
    Handoff Create(ChatAddress resident, string question);

    Handoff? Find(string reference);

    Handoff MarkAnswered(Handoff handoff, string answeredBy);

    Handoff Close(Handoff handoff, string closedBy);

    /// <summary>Up to <paramref name="count"/> handoffs not closed yet, oldest first.</summary>
    IReadOnlyList<Handoff> Open(int count);

    /// <summary>The resident's newest handoff not closed yet, if any.</summary>
    Handoff? OpenFor(ChatAddress resident);

    HandoffMessage AddMessage(string handoffId, string? staffName, string text);

    /// <summary>Up to <paramref name="count"/> messages of a handoff after the message <paramref name="after"/>, oldest first.</summary>
    IReadOnlyList<HandoffMessage> Messages(string handoffId, long after, int count);

    void RememberStaffChat(ChatAddress chat);

    IReadOnlyList<StaffChat> StaffChats();
}

/// <summary>Questions the bot could not answer, kept for staff.</summary>
public interface IUnansweredQuestionStore
{
    UnansweredQuestion Record(string text, ChatAddress resident);

    IReadOnlyList<UnansweredQuestion> Latest(int count);

    UnansweredQuestion? Get(int id);

    void Update(UnansweredQuestion question);

    /// <summary>
    /// Questions whose label is approved, in every commune, oldest first, at most <paramref name="count"/>: the
    /// understanding is the province's, so each commune's approved examples teach it (their masked text and label only).
    /// </summary>
    IReadOnlyList<UnansweredQuestion> ApprovedInProvince(int count);

    /// <summary>Marks the approved questions <paramref name="ids"/>, of any commune, as taught to the model in use.</summary>
    void MarkInUse(IReadOnlyList<int> ids);
}

/// <summary>The audit log of staff actions.</summary>
public interface IStaffAuditLog
{
    StaffAction Record(string staff, string action, string? target = null, string? details = null);

    /// <summary>Records an entry as given, its time included: an action on many targets, or one dated in the past.</summary>
    StaffAction Record(StaffAction entry);

    IReadOnlyList<StaffAction> Recent(int count);

    IReadOnlyList<StaffAction> ForTarget(string target);

    /// <summary>The latest actions of one person (a member's name, or <c>api</c>), newest first.</summary>
    IReadOnlyList<StaffAction> ByStaff(string staff, int count);
}

/// <summary>The channels' API tokens, one pair per channel.</summary>
public interface IChannelTokenStore
{
    ChannelTokens? Find(string channel);

    void Save(ChannelTokens tokens);
}

/// <summary>
/// Events channels deliver by webhook, stored before the channel is answered and run as turns from here; a turn's
/// replies go to the outbox in the transaction that marks its event done.
/// </summary>
public interface IInbox
{
    /// <summary>Stores a new event as pending; null when the channel's message id is stored already (a redelivery).</summary>
    InboxEvent? Add(IncomingEvent incoming);

    InboxEvent? Get(long id);

    /// <summary>The stored event with the channel's message id, whatever its state.</summary>
    InboxEvent? Find(string channel, string messageId);

    /// <summary>The channel's pending events in arrival order, those waiting for a retry included.</summary>
    IReadOnlyList<InboxEvent> Pending(string channel, int limit);

    int CountPending(string channel);

    /// <summary>
    /// Puts <paramref name="replies"/> in the outbox and marks the event done, all in one transaction; nothing (and an
    /// empty list) when the event is not pending.
    /// </summary>
    IReadOnlyList<Delivery> Complete(long id, IReadOnlyList<OutboxMessage> replies);

    /// <summary>
    /// Counts a run of a pending event as it starts, so that a run the process does not survive counts too; the event
    /// as counted, or null when it is not pending.
    /// </summary>
    InboxEvent? Begin(long id);

    /// <summary>Records why a run failed and leaves the event pending until <paramref name="dueAt"/>.</summary>
    void Reschedule(long id, DateTimeOffset dueAt, string reason);

    /// <summary>Records why and stops trying: the event is kept, never run again.</summary>
    void Park(long id, string reason);

    /// <summary>Removes events done before <paramref name="finishedBefore"/>; parked ones stay. Returns how many.</summary>
    int RemoveDone(DateTimeOffset finishedBefore);
}

/// <summary>The staff workspace's account changes (disabled, password reset) and its signed-in sessions.</summary>
public interface IStaffAccountStore
{
    StaffAccountState? Find(string userId);

    /// <summary>Starts a session for a member who has just proved their password; returns its unguessable id.</summary>
    string StartSession(string userId);

    /// <summary>Whether the session is still stored for that member and the member is not disabled.</summary>
    bool IsLive(string sessionId, string userId);

    void EndSession(string sessionId);

    /// <summary>Disables (ending every session of the member) or enables a member; audited with <paramref name="by"/>.</summary>
    void SetDisabled(string userId, bool disabled, string by);

    /// <summary>Replaces the member's password and ends their sessions; audited with <paramref name="by"/>.</summary>
    void ResetPassword(string userId, string passwordHash, string by);
}
