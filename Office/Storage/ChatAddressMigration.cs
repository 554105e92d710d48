using LiteDB;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;

namespace OneStopBot.Office.Storage;

/// <summary>
/// Rewrites records kept before the office had a chat address of its own. They held the channel's conversation
/// reference as JSON (<c>Reference</c>, or <c>ConversationReference</c> in a dossier's owner); each becomes a
/// <see cref="ChatAddress"/> document, so files written by earlier versions keep reaching their residents. It runs
/// once per file (LiteDB's user version marks it done) and changes nothing in a record already in the new shape.
/// </summary>
internal sealed class ChatAddressMigration : ICollectionSetup
{
    public const int Version = 1;

    private const string OldReference = "Reference";
    private const string OldOwnerReference = "ConversationReference";

    public void Configure(OfficeDatabase database)
    {
        if (database.SchemaVersion >= Version)
        {
            return;
        }
        Rewrite(database, SubscriptionStore.CollectionName, document => Flat(document, nameof(Subscription.Chat)));
        Rewrite(database, NoticeCollections.DeliveriesName, document => Flat(document, nameof(Delivery.To)));
        Rewrite(database, HandoffStore.CollectionName, document => Nested(document, nameof(Handoff.Resident)));
        Rewrite(database, HandoffStore.StaffChatsCollectionName, document => Nested(document, nameof(StaffChat.Address)));
        Rewrite(database, NoticeCollections.NoticesName, document => Nested(document, nameof(Notice.ReportTo)));
        Rewrite(database, DossierStore.CollectionName, document => Nested(document, nameof(Dossier.Owner)));
        database.SchemaVersion = Version;
    }

    /// <summary>One transaction per collection, so a large archive does not hold every change in memory at once.</summary>
    private static void Rewrite(OfficeDatabase database, string collectionName, Func<BsonDocument, bool> rewrite)
    {
        var collection = database.Collection<BsonDocument>(collectionName);
        database.InTransaction(() =>
        {
            foreach (var document in collection.FindAll().ToList())
            {
                if (rewrite(document))
                {
                    collection.Update(document);
                }
            }
            return 0;
        });
    }

    // Subscriptions and deliveries kept the channel, the user (subscriptions only) and the reference beside their own fields.
    private static bool Flat(BsonDocument document, string addressField)
    {
        if (!document.TryGetValue(OldReference, out var reference))
        {
            return false;
        }
        document[addressField] = Address(document, reference);
        document.Remove("ChannelId");
        document.Remove("UserId");
        document.Remove(OldReference);
        return true;
    }

    private static bool Nested(BsonDocument document, string addressField)
    {
        if (!document.TryGetValue(addressField, out var value) || !value.IsDocument)
        {
            return false;
        }
        var old = value.AsDocument;
        if (!old.TryGetValue(OldReference, out var reference) && !old.TryGetValue(OldOwnerReference, out reference))
        {
            return false;
        }
        document[addressField] = Address(old, reference);
        return true;
    }

    private static BsonDocument Address(BsonDocument old, BsonValue reference)
    {
        var parsed = Parse(reference);
        var address = new BsonDocument
        {
            [nameof(ChatAddress.ChannelId)] = Text(old, "ChannelId") ?? Text(parsed, "channelId") ?? string.Empty,
            [nameof(ChatAddress.UserId)] = Text(old, "UserId") ?? Text(parsed, "user", "id") ?? string.Empty,
            // An unreadable reference keeps no conversation: the outbox then fails that delivery instead of guessing.
            [nameof(ChatAddress.ConversationId)] = Text(parsed, "conversation", "id") ?? string.Empty,
        };
        Add(address, nameof(ChatAddress.ServiceUrl), Text(parsed, "serviceUrl"));
        Add(address, nameof(ChatAddress.BotId), Text(parsed, "bot", "id"));
        Add(address, nameof(ChatAddress.TenantId), Text(parsed, "conversation", "tenantId"));
        return address;
    }

    private static BsonDocument Parse(BsonValue reference)
    {
        if (!reference.IsString)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize(reference.AsString) is { IsDocument: true } parsed ? parsed.AsDocument : [];
        }
        catch (LiteException)
        {
            return [];
        }
    }

    private static string? Text(BsonDocument document, params string[] path)
    {
        BsonValue value = document;
        foreach (var name in path)
        {
            if (!value.IsDocument || !value.AsDocument.TryGetValue(name, out value))
            {
                return null;
            }
        }
        return value.IsString && value.AsString.Length > 0 ? value.AsString : null;
    }

    private static void Add(BsonDocument document, string name, string? value)
    {
        if (value is not null)
        {
            document[name] = value;
        }
    }
}
