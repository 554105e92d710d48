using System.Text.RegularExpressions;
using LiteDB;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Engine;
using Newtonsoft.Json.Linq;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>A web chat conversation as kept in the database, so that it outlives the process.</summary>
public sealed record StoredConversation
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public string? StaffName { get; init; }

    /// <summary>The commune whose web chat it was opened in; null for a staff member's, who acts for their own.</summary>
    public string? Commune { get; init; }

    /// <summary>The bot has greeted the user; a resumed conversation is not greeted twice.</summary>
    public bool Started { get; init; }

    /// <summary>How many activities were ever appended: the watermark a client reads up to.</summary>
    public int Count { get; init; }

    /// <summary>UTC.</summary>
    public DateTime LastActive { get; init; }
}

/// <summary>One activity of a stored transcript, as the JSON sent to clients.</summary>
public sealed record StoredActivity
{
    /// <summary><c>conversation|index</c>: the index is the activity's place in the transcript, its watermark.</summary>
    public required string Id { get; init; }

    public required string ConversationId { get; init; }

    public int Index { get; init; }

    public required string Json { get; init; }
}

/// <summary>A conversation read back from the database: its record and the activities kept, oldest first.</summary>
public sealed record RestoredConversation(StoredConversation Conversation, IReadOnlyList<string> Activities);

/// <summary>
/// The web chat conversations and their last activities in the process's one database. Each write is one short
/// transaction; what residents typed is kept with phone and ID numbers masked.
/// </summary>
public sealed partial class DirectLineTranscripts(OfficeDatabase database)
{
    public const string ConversationsCollection = "directline_conversations";
    public const string ActivitiesCollection = "directline_activities";

    private ILiteCollection<StoredConversation> Conversations => database.Collection<StoredConversation>(ConversationsCollection);

    private ILiteCollection<StoredActivity> Activities => database.Collection<StoredActivity>(ActivitiesCollection);

    public void Create(StoredConversation conversation) => Conversations.Insert(conversation);

    public void MarkStarted(string id) =>
        Update(id, stored => stored with { Started = true });

    public void Touch(string id, DateTimeOffset now) =>
        Update(id, stored => stored with { LastActive = now.UtcDateTime });

    /// <summary>Adds the activity at <paramref name="index"/> and forgets those more than <paramref name="kept"/> back.</summary>
    public void Append(string id, int index, string json, int kept, DateTimeOffset now) =>
        database.InTransaction(() =>
        {
            Activities.Upsert(new StoredActivity { Id = $"{id}|{index:D7}", ConversationId = id, Index = index, Json = Kept(json) });
            var oldest = index + 1 - kept;
            Activities.DeleteMany(a => a.ConversationId == id && a.Index < oldest);
            return Update(id, stored => stored with { Count = Math.Max(stored.Count, index + 1), LastActive = now.UtcDateTime });
        });

    /// <summary>The conversation and its kept activities, unless it has not been used since <paramref name="activeSince"/>.</summary>
    public RestoredConversation? Load(string id, DateTimeOffset activeSince)
    {
        var stored = Conversations.FindById(id);
        if (stored is null || stored.LastActive < activeSince.UtcDateTime)
        {
            return null;
        }
        var activities = Activities.Query().Where(a => a.ConversationId == id).OrderBy(a => a.Index).ToList();
        return new RestoredConversation(stored, [.. activities.Select(a => a.Json)]);
    }

    /// <summary>Deletes the conversations nobody has used since <paramref name="before"/>, with their activities; returns how many.</summary>
    public int DeleteInactive(DateTimeOffset before)
    {
        var cutoff = before.UtcDateTime;
        var expired = Conversations.Query().Where(c => c.LastActive < cutoff).Select(c => c.Id).ToList();
        foreach (var id in expired)
        {
            database.InTransaction(() =>
            {
                Activities.DeleteMany(a => a.ConversationId == id);
                return Conversations.Delete(id);
            });
        }
        return expired.Count;
    }

    private bool Update(string id, Func<StoredConversation, StoredConversation> change) =>
        database.InTransaction(() => Conversations.FindById(id) is { } stored && Conversations.Update(change(stored)));

    /// <summary>
    /// A resident's own message with its long numbers masked. The bot's replies are masked when written, except one that
    /// shows the resident their own number (<see cref="Replies.ShowingOwnNumbers"/>), which is masked here.
    /// </summary>
    private static string Kept(string json)
    {
        var activity = JObject.Parse(json);
        var ownNumbers = Replies.ShowsOwnNumbers(activity);
        if ((activity["from"]?["role"]?.ToString() != "user" && !ownNumbers) || activity["text"] is not JValue { Type: JTokenType.String, Value: string text })
        {
            return json;
        }
        var masked = Masking.NumbersIn(text);
        // Markdown would read the mask's stars as emphasis: every star the text had was escaped by the channel's step.
        activity["text"] = activity["textFormat"]?.ToString() == TextFormatTypes.Markdown ? BareStar().Replace(masked, @"\*") : masked;
        return activity.ToString(Newtonsoft.Json.Formatting.None);
    }

    [GeneratedRegex(@"(?<!\\)\*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BareStar();
}

/// <summary>The indexes that find a conversation's activities and the conversations left unused.</summary>
internal sealed class DirectLineTranscriptsSetup : ICollectionSetup
{
    public void Configure(OfficeDatabase database)
    {
        database.Collection<StoredConversation>(DirectLineTranscripts.ConversationsCollection).EnsureIndex(c => c.LastActive);
        var activities = database.Collection<StoredActivity>(DirectLineTranscripts.ActivitiesCollection);
        activities.EnsureIndex(a => a.ConversationId);
        activities.EnsureIndex(a => a.Index);
    }
}
