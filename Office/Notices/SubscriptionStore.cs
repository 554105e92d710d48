using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>
/// Chats that receive notices, and the chats already asked whether they want them. A chat is one commune's at a time
/// (its key stays the record's id): subscribing from another commune moves it there.
/// </summary>
public sealed class SubscriptionStore(OfficeDatabase database, CommuneContext communes, TimeProvider timeProvider) : ISubscriptionStore
{
    public const string CollectionName = "subscriptions";
    public const string AskedCollectionName = "subscription_offers";

    private readonly ILiteCollection<Subscription> subscriptions = database.Collection<Subscription>(CollectionName);
    private readonly ILiteCollection<SubscriptionOffer> offers = database.Collection<SubscriptionOffer>(AskedCollectionName);

    /// <summary>Subscribes the chat, or changes its village if it was subscribed already.</summary>
    public Subscription Subscribe(ChatAddress chat, string? village)
    {
        var subscription = new Subscription
        {
            Commune = communes.Current.Id,
            Id = chat.Key,
            Chat = chat,
            Village = village,
            SubscribedAt = timeProvider.GetUtcNow(),
        };
        subscriptions.Upsert(subscription);
        return subscription;
    }

    /// <summary>Returns false when the chat was not subscribed.</summary>
    public bool Unsubscribe(ChatAddress chat) => Find(chat) is not null && subscriptions.Delete(chat.Key);

    public Subscription? Find(ChatAddress chat) => subscriptions.FindById(chat.Key).Own(communes.Current.Id);

    public bool IsSubscribed(ChatAddress chat) => Find(chat) is not null;

    /// <summary>True the first time it is called for a chat, false ever after: the chat is asked once.</summary>
    public bool TryMarkAsked(ChatAddress chat)
    {
        try
        {
            offers.Insert(new SubscriptionOffer { Commune = communes.Current.Id, Id = chat.Key, AskedAt = timeProvider.GetUtcNow() });
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    /// <summary>The next <paramref name="pageSize"/> subscribers after <paramref name="after"/> in key order.</summary>
    public IReadOnlyList<Subscription> AudiencePage(string? village, string? after, int pageSize) =>
        subscriptions.In(communes.Current.Id).Where(AudienceQuery(village, after)).OrderBy("_id").Limit(pageSize).ToList();

    public int CountAudience(string? village, string? after = null) =>
        subscriptions.In(communes.Current.Id).Where(AudienceQuery(village, after)).Count();

    public int Count() => subscriptions.In(communes.Current.Id).Count();

    // Subscribers to every village (no Village stored) receive each village's notices.
    private static BsonExpression AudienceQuery(string? village, string? after)
    {
        var range = Query.GT("_id", after ?? string.Empty);
        return village is null
            ? range
            : Query.And(range, Query.Or(Query.EQ(nameof(Subscription.Village), village), Query.EQ(nameof(Subscription.Village), BsonValue.Null)));
    }
}

/// <summary>A chat that was asked once whether it wants notices.</summary>
public sealed record SubscriptionOffer : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

    public required string Id { get; init; }

    public DateTimeOffset AskedAt { get; init; }
}
