using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Reminders;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Sync;

namespace OneStopBot.Office.Storage;

/// <summary>
/// Gives the records of a file written before records had a commune to the one commune of a one-commune deployment,
/// at start: each collection's records without a commune (found by the commune index, so a file already stamped costs
/// one index probe per collection) get its slug, and the ids that name a commune (day counters, codes' wrong guesses)
/// are given it; the daily figures are counted again per commune on first use. In a deployment serving several
/// communes nothing is guessed: <c>join-commune</c> moves such a file in.
/// </summary>
internal sealed class CommuneStamp(CommuneDirectory directory) : ICollectionSetup
{
    /// <summary>Every collection whose records belong to a commune, and how a record's id follows its commune.</summary>
    public static IReadOnlyList<(string Name, Func<string, BsonValue, BsonValue> Id)> Collections { get; } =
    [
        (DossierStore.CollectionName, Same),
        (DossierStore.FilingsCollectionName, Same),
        (DossierStore.CountersCollectionName, (commune, id) => id.IsString && !id.AsString.Contains(':', StringComparison.Ordinal) ? commune + ":" + id.AsString : id),
        (DailyFigures.CollectionName, Same),
        (DailyFigures.BreakdownCollectionName, Same),
        (StaffAuditLog.CollectionName, Same),
        (SubscriptionStore.CollectionName, Same),
        (SubscriptionStore.AskedCollectionName, Same),
        (NoticeCollections.NoticesName, Same),
        (NoticeCollections.DeliveriesName, Same),
        (RatingStore.CollectionName, Same),
        (FeedbackStore.CollectionName, Same),
        (HandoffStore.CollectionName, Same),
        (HandoffStore.MessagesCollectionName, Same),
        (HandoffStore.StaffChatsCollectionName, Same),
        (UnansweredQuestionStore.CollectionName, Same),
        (ReminderStore.CollectionName, Same),
        (LookupGuard.CollectionName, LookupKey),
        (ProvincialSync.ExportsCollection, Same),
        (ProvincialSync.SeenCollection, Same),
        (ProvincialSync.UploadsCollection, Same),
    ];

    /// <summary>The daily figures are rebuilt from the dossiers rather than moved: their ids name the commune.</summary>
    public static bool IsRebuilt(string collection) =>
        collection is DailyFigures.CollectionName or DailyFigures.BreakdownCollectionName;

    public void Configure(OfficeDatabase database)
    {
        if (directory.Single is not { } commune)
        {
            return;
        }
        foreach (var (name, id) in Collections)
        {
            var collection = database.Collection<BsonDocument>(name);
            collection.EnsureCommuneIndex();
            if (!collection.Exists(Unstamped))
            {
                continue;
            }
            // One transaction per collection, so a large archive does not hold every change in memory at once.
            database.InTransaction(() =>
            {
                foreach (var document in collection.Find(Unstamped).ToList())
                {
                    if (IsRebuilt(name))
                    {
                        collection.Delete(document["_id"]);
                        continue;
                    }
                    var stamped = Stamp(document, commune.Id, id);
                    if (stamped["_id"] == document["_id"])
                    {
                        collection.Update(stamped);
                    }
                    else
                    {
                        collection.Delete(document["_id"]);
                        collection.Upsert(stamped);
                    }
                }
                return 0;
            });
        }
    }

    /// <summary>A copy of <paramref name="document"/> stamped with <paramref name="commune"/>, its id following it.</summary>
    public static BsonDocument Stamp(BsonDocument document, string commune, Func<string, BsonValue, BsonValue> id)
    {
        var stamped = new BsonDocument();
        foreach (var (key, value) in document)
        {
            stamped[key] = value;
        }
        stamped["_id"] = id(commune, document["_id"]);
        // A code's wrong guesses are the commune's; a source's count across the province and stay without one.
        stamped[CommuneRecords.Field] = stamped["_id"].IsString && stamped["_id"].AsString.StartsWith(LookupGuard.SourcePrefix, StringComparison.Ordinal)
            ? string.Empty
            : commune;
        return stamped;
    }

    private static readonly BsonExpression Unstamped = Filter.Equal(CommuneRecords.Field, BsonValue.Null);

    private static BsonValue Same(string commune, BsonValue id) => id;

    private static BsonValue LookupKey(string commune, BsonValue id) =>
        id.IsString && LookupGuard.IsCodeKey(id.AsString) && id.AsString.Split(':').Length == 2
            ? LookupGuard.CodeKeyOf(commune, id.AsString["code:".Length..])
            : id;
}
