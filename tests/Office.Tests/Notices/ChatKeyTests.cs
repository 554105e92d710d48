using CsCheck;
using LiteDB;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Tests.Notices;

/// <summary>A chat's key is written twice, in C# for lookups and in LiteDB's language for the index: both must agree.</summary>
public sealed class ChatKeyTests
{
    private static readonly Gen<string> Id = Gen.OneOf(
        Gen.String,
        Gen.OneOf("webchat", "WebChat", "EMULATOR", "zalo", "msteams", "İstanbul", "ǅemal", "ΣΊΣΥΦΟΣ", "user|with|bars", ""));

    [Fact]
    public void The_index_expression_computes_the_key_the_lookups_compute()
    {
        using var office = new TestOffice();
        var mapper = office.Get<OfficeDatabase>().Mapper;
        var expression = BsonExpression.Create(ChatAddress.ChatKeyExpression("$.Owner"));

        Gen.Select(Id, Id).Sample((channel, user) =>
        {
            // Stored as the office's database stores a dossier's owner.
            var stored = new BsonDocument { ["Owner"] = mapper.ToDocument(new ChatAddress(channel, user, "conversation")) };

            Assert.Equal(ChatAddress.ChatKey(channel, user), expression.ExecuteScalar(stored).AsString);
        }, threads: 1); // A LiteDB expression keeps the document it runs on: one expression, one thread.
    }

    [Fact]
    public void A_chat_has_one_key_whatever_the_case_of_its_channel()
    {
        Assert.Equal(ChatAddress.ChatKey("webchat", "u1"), ChatAddress.ChatKey("WebChat", "u1"));
        Assert.NotEqual(ChatAddress.ChatKey("webchat", "u1"), ChatAddress.ChatKey("webchat", "U1"));
        Assert.NotEqual(ChatAddress.ChatKey("webchat", "u1"), ChatAddress.ChatKey("zalo", "u1"));
    }
}
