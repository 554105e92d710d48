using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Dossiers;
using OneStopBot.Office.Tests.Notices;

namespace OneStopBot.Office.Tests.Storage;

/// <summary>
/// Files written before the office kept chat addresses of its own hold each chat as the Bot Framework's conversation
/// reference in JSON; they must open and reach the same chats.
/// </summary>
public sealed class ChatAddressMigrationTests
{
    private static readonly ChatAddress Resident = new("webchat", "u1", "conv-1") { ServiceUrl = "http://localhost:3978/", BotId = "bot-1", TenantId = "t-1" };

    // What the SDK's Newtonsoft serialisation of a ConversationReference looked like in those files.
    private const string OldReference =
        """{"activityId":null,"user":{"id":"u1","name":"Hoa"},"bot":{"id":"bot-1","name":"Một cửa"},"conversation":{"isGroup":null,"conversationType":null,"id":"conv-1","name":null,"tenantId":"t-1"},"channelId":"webchat","locale":"vi-VN","serviceUrl":"http://localhost:3978/"}""";

    private static void AddNoticeStores(IServiceCollection services) =>
        services.AddNoticeStores().AddSingleton<INoticeTexts, TestNoticeTexts>();

    [Fact]
    public async Task Records_kept_with_conversation_references_open_as_chat_addresses()
    {
        using var before = new TestOffice(services: AddNoticeStores);
        var dossier = await before.Get<DossierDesk>().PreRegisterAsync(DossierStoreTests.Request(owner: Resident));
        before.Get<SubscriptionStore>().Subscribe(Resident, "Thôn 2");
        var delivery = before.Get<Outbox>().Enqueue(new OutboxMessage(DeliveryKind.StatusChange, Resident, "Hồ sơ đã có kết quả."));
        var handoff = before.Get<HandoffStore>().Create(Resident, "Hỏi");
        before.Get<HandoffStore>().RememberStaffChat(Resident);
        var notice = before.Get<NoticeStore>().Create("Họp thôn", null, "api", reportTo: Resident);
        RewriteTheOldWay(before.Get<OfficeDatabase>());

        using var after = before.Reopen(AddNoticeStores);

        Assert.Equal(Resident, (await after.Get<DossierDesk>().FindAsync(dossier.Code))!.Owner);
        Assert.Equal(Resident, after.Get<SubscriptionStore>().Find(Resident)!.Chat);
        Assert.Equal("Thôn 2", after.Get<SubscriptionStore>().Find(Resident)!.Village);
        Assert.Equal(Resident, after.Get<Outbox>().Get(delivery.Id)!.To);
        Assert.Equal(Resident, after.Get<HandoffStore>().Find(handoff.Id)!.Resident);
        Assert.Equal(Resident, Assert.Single(after.Get<HandoffStore>().StaffChats()).Address);
        Assert.Equal(Resident, after.Get<NoticeStore>().Get(notice.Id)!.ReportTo);
        Assert.Equal([dossier.Code], (await after.Get<DossierDesk>().ListByOwnerAsync("webchat", "u1")).Select(d => d.Code));
    }

    [Fact]
    public void An_unreadable_reference_keeps_the_chat_but_no_conversation()
    {
        using var before = new TestOffice(services: AddNoticeStores);
        var delivery = before.Get<Outbox>().Enqueue(new OutboxMessage(DeliveryKind.StatusChange, Resident, "Hồ sơ đã có kết quả."));
        RewriteTheOldWay(before.Get<OfficeDatabase>(), reference: "{not json");

        using var after = before.Reopen(AddNoticeStores);

        var row = after.Get<Outbox>().Get(delivery.Id)!;
        Assert.Equal(("webchat", string.Empty), (row.To.ChannelId, row.To.ConversationId));
    }

    [Fact]
    public void Records_in_the_new_shape_are_left_as_they_are()
    {
        using var before = new TestOffice(services: AddNoticeStores);
        before.Get<SubscriptionStore>().Subscribe(Resident, null);
        before.Get<OfficeDatabase>().SchemaVersion = 0;

        using var after = before.Reopen(AddNoticeStores);

        Assert.Equal(Resident, after.Get<SubscriptionStore>().Find(Resident)!.Chat);
        Assert.Equal(ChatAddressMigration.Version, after.Get<OfficeDatabase>().SchemaVersion);
    }

    /// <summary>Puts every chat address back in the shape of earlier versions and marks the file unmigrated.</summary>
    private static void RewriteTheOldWay(OfficeDatabase database, string reference = OldReference)
    {
        Rewrite(database, SubscriptionStore.CollectionName, document =>
        {
            document["ChannelId"] = document["Chat"]["ChannelId"];
            document["UserId"] = document["Chat"]["UserId"];
            document["Reference"] = reference;
            document.Remove("Chat");
        });
        Rewrite(database, NoticeCollections.DeliveriesName, document =>
        {
            document["ChannelId"] = document["To"]["ChannelId"];
            document["Reference"] = reference;
            document.Remove("To");
        });
        Rewrite(database, HandoffStore.CollectionName, document => document["Resident"] = Old(document["Resident"], "Reference", reference));
        Rewrite(database, HandoffStore.StaffChatsCollectionName, document => document["Address"] = Old(document["Address"], "Reference", reference));
        Rewrite(database, NoticeCollections.NoticesName, document => document["ReportTo"] = Old(document["ReportTo"], "Reference", reference));
        Rewrite(database, DossierStore.CollectionName, document => document["Owner"] = Old(document["Owner"], "ConversationReference", reference));
        database.SchemaVersion = 0;
    }

    private static BsonDocument Old(BsonValue address, string referenceField, string reference) => new()
    {
        ["ChannelId"] = address["ChannelId"],
        ["UserId"] = address["UserId"],
        [referenceField] = reference,
    };

    private static void Rewrite(OfficeDatabase database, string collectionName, Action<BsonDocument> change)
    {
        var collection = database.Collection<BsonDocument>(collectionName);
        foreach (var document in collection.FindAll().ToList())
        {
            change(document);
            collection.Update(document);
        }
    }
}
