using LiteDB;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Reminders;

/// <summary>
/// Reminders waiting for their time, kept in the database so that they survive restarts. A due reminder becomes an
/// outbox row in the same transaction that marks it queued, so it is sent once whatever stops the process.
/// </summary>
public sealed class ReminderStore(
    OfficeDatabase database,
    IOutbox outbox,
    DossierStore dossiers,
    CommuneContext communes,
    WorkingCalendar calendar,
    IOptions<ReminderOptions> options,
    TimeProvider time)
{
    public const string CollectionName = "reminders";
    public const string OptOutCollectionName = "reminder_optouts";

    // Enough for one round of a commune's reminders; the rest wait for the next round.
    private const int MaxPerRound = 500;

    private ILiteCollection<Reminder> Reminders => database.Collection<Reminder>(CollectionName);

    private ILiteCollection<ReminderOptOut> OptOuts => database.Collection<ReminderOptOut>(OptOutCollectionName);

    /// <summary>The chat key a reminder to <paramref name="chat"/> belongs to.</summary>
    public static string OwnerOf(ChatAddress chat) => ChatAddress.ChatKey(chat.ChannelId, chat.UserId);

    /// <summary>
    /// Keeps a reminder the office plans (a visit, missing papers): false when one with its key exists, or its chat
    /// said "dừng nhắc".
    /// </summary>
    public bool Schedule(Reminder reminder) =>
        database.InTransaction(() => OptOuts.FindById(reminder.Owner) is null && Insert(reminder));

    /// <summary>
    /// Keeps a reminder the resident asked for: asking again lifts an earlier "dừng nhắc". False when the same
    /// reminder is already kept.
    /// </summary>
    public bool ScheduleAsked(Reminder reminder) =>
        database.InTransaction(() =>
        {
            OptOuts.Delete(reminder.Owner);
            return Insert(reminder);
        });

    private bool Insert(Reminder reminder)
    {
        if (Reminders.FindById(reminder.Id) is not null)
        {
            return false;
        }
        Reminders.Insert(reminder with { Commune = communes.Current.Id, State = ReminderState.Scheduled, CreatedAt = time.GetUtcNow() });
        return true;
    }

    /// <summary>"Dừng nhắc": drops every waiting reminder of this chat, and plans none for it until it asks again. How many were dropped.</summary>
    public int Stop(ChatAddress chat)
    {
        var owner = OwnerOf(chat);
        return database.InTransaction(() =>
        {
            OptOuts.Upsert(new ReminderOptOut { Id = owner, At = time.GetUtcNow() });
            var waiting = Reminders.In(communes.Current.Id, Filter.Equal(nameof(Reminder.Owner), owner)).ToEnumerable().Where(r => r.State == ReminderState.Scheduled).ToList();
            foreach (var reminder in waiting)
            {
                Reminders.Update(reminder with { State = ReminderState.Dropped });
            }
            return waiting.Count;
        });
    }

    /// <summary>Whether the chat said "dừng nhắc" and has not asked for a reminder since.</summary>
    public bool HasStopped(ChatAddress chat) => OptOuts.FindById(OwnerOf(chat)) is not null;

    /// <summary>This chat's reminders, and only this chat's.</summary>
    public IReadOnlyList<Reminder> Of(ChatAddress chat)
    {
        var owner = OwnerOf(chat);
        return Reminders.In(communes.Current.Id, Filter.Equal(nameof(Reminder.Owner), owner)).ToList();
    }

    public Reminder? Find(string id) => Reminders.FindById(id).Own(communes.Current.Id);

    /// <summary>Dossiers filed from a chat that wait for the resident: a planned visit, or papers to add.</summary>
    public IReadOnlyList<Dossier> AwaitingResident() =>
        database.Collection<Dossier>(DossierStore.CollectionName).In(communes.Current.Id)
            .Where(Query.In(nameof(Dossier.Status), nameof(DossierStatus.PreRegistered), nameof(DossierStatus.SupplementRequested)))
            .ToEnumerable()
            .Where(d => d.Owner is not null)
            .ToList();

    /// <summary>
    /// Puts every reminder of the current commune whose time has come into the outbox, inside the sending hours only; drops those that are no
    /// longer true. How many were queued.
    /// </summary>
    public int QueueDue()
    {
        var now = time.GetUtcNow();
        if (!options.Value.MaySendAt(TimeOnly.FromDateTime(calendar.LocalTime(now).DateTime)))
        {
            // Held: the first round after SendFrom sends them.
            return 0;
        }
        // One transaction, no await: the reminder is marked queued together with its outbox row, or neither is written.
        return database.InTransaction(() =>
        {
            var queued = 0;
            var due = Reminders.In(communes.Current.Id, Query.And(
                Query.EQ(nameof(Reminder.State), nameof(ReminderState.Scheduled)),
                Query.LTE(nameof(Reminder.SendAt), now.UtcDateTime))).Limit(MaxPerRound).ToList();
            foreach (var reminder in due)
            {
                if (!StillTrue(reminder, now))
                {
                    Reminders.Update(reminder with { State = ReminderState.Dropped });
                    continue;
                }
                var delivery = outbox.Enqueue(new OutboxMessage(DeliveryKind.Reminder, reminder.To, reminder.Text, reminder.Actions));
                Reminders.Update(reminder with { State = ReminderState.Queued, DeliveryId = delivery.Id });
                queued++;
            }
            return queued;
        });
    }

    private bool StillTrue(Reminder reminder, DateTimeOffset now)
    {
        if (reminder.ExpiresAt is { } expires && now >= expires)
        {
            return false;
        }
        if (reminder.DossierCode is not { } code)
        {
            return true;
        }
        // Papers brought, visit made or cancelled: the reminder would be wrong.
        return dossiers.FindAsTyped(communes.Current, code) is { } dossier && dossier.Status == reminder.WhileStatus
            && dossier.History.Count > 0 && dossier.History[^1].At == reminder.StatusSince;
    }
}

/// <summary>Indexes of the reminder collections, created when the database opens.</summary>
internal sealed class ReminderCollectionSetup : ICollectionSetup
{
    public void Configure(OfficeDatabase database)
    {
        var reminders = database.Collection<Reminder>(ReminderStore.CollectionName);
        reminders.EnsureIndex(r => r.SendAt);
        reminders.EnsureIndex(r => r.Owner);
        reminders.EnsureCommuneIndex();
        database.Collection<ReminderOptOut>(ReminderStore.OptOutCollectionName);
    }
}
