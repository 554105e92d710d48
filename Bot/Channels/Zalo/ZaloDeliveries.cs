using LiteDB;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>A Zalo event already taken, remembered until <see cref="ExpiresAt"/> (UTC).</summary>
public sealed record ZaloDelivery
{
    public required string Id { get; init; }

    public DateTime ExpiresAt { get; init; }
}

/// <summary>
/// The events already taken, in the database so that a redelivery or a replay after a restart is answered once.
/// Each is kept for <see cref="ZaloOptions.RedeliveryWindow"/>, longer than the age beyond which events are refused.
/// </summary>
public sealed class ZaloDeliveries(OfficeDatabase database, IOptionsMonitor<ZaloOptions> options, TimeProvider time)
{
    public const string CollectionName = "zalo_deliveries";

    private ILiteCollection<ZaloDelivery> Deliveries => database.Collection<ZaloDelivery>(CollectionName);

    /// <summary>True the first time a key is seen within its window.</summary>
    public bool TryAdd(string key) =>
        database.InTransaction(() =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            Deliveries.DeleteMany(d => d.ExpiresAt <= now);
            if (Deliveries.FindById(key) is not null)
            {
                return false;
            }
            Deliveries.Insert(new ZaloDelivery { Id = key, ExpiresAt = now + options.CurrentValue.RedeliveryWindow });
            return true;
        });

    /// <summary>Forgets a key, so that Zalo's next delivery of the event is taken.</summary>
    public void Remove(string key) => Deliveries.Delete(key);
}

/// <summary>The index that finds expired deliveries.</summary>
internal sealed class ZaloDeliveriesSetup : ICollectionSetup
{
    public void Configure(OfficeDatabase database) =>
        database.Collection<ZaloDelivery>(ZaloDeliveries.CollectionName).EnsureIndex(d => d.ExpiresAt);
}
