using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Notices;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;

namespace OneStopBot.Bot.Tests.Notices;

/// <summary>Chats of the Bot Framework Connector (Emulator) are reached at their serviceUrl, without credentials.</summary>
public sealed class ConnectorDeliveryTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(string Conversation, string? Authorization, JsonElement Activity)> received = new();
    private WebApplication? connector;
    private string serviceUrl = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        connector = builder.Build();
        connector.MapPost("/v3/conversations/{conversation}/activities/{*replyTo}", async (string conversation, HttpRequest request) =>
        {
            if (conversation == "c-blocked")
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            var activity = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            received.Enqueue((conversation, request.Headers.Authorization.FirstOrDefault(), activity));
            return Results.Json(new { id = "a1" });
        });
        await connector.StartAsync();
        serviceUrl = connector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
    }

    [Fact]
    public async Task A_message_is_posted_to_the_conversation_at_its_service_url()
    {
        using var host = new OutboxTestHost(directory.DatabasePath, time);
        var outbox = host.Get<Outbox>();
        var row = outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, Chat("u1"), "Hồ sơ đã có kết quả.", ["Tra cứu hồ sơ"]));

        await host.Worker.DrainAsync(CancellationToken.None);

        var (conversation, authorization, activity) = Assert.Single(received);
        Assert.Equal("c-u1", conversation);
        Assert.Null(authorization);
        Assert.Equal("Hồ sơ đã có kết quả.", activity.GetProperty("text").GetString());
        Assert.Equal(DeliveryState.Sent, outbox.Get(row.Id)!.State);
    }

    [Fact]
    public async Task A_refusal_from_the_connector_fails_the_row_for_good()
    {
        using var host = new OutboxTestHost(directory.DatabasePath, time);
        var outbox = host.Get<Outbox>();
        var row = outbox.Enqueue(new OutboxMessage(DeliveryKind.StatusChange, Chat("blocked"), "Xin chào"));

        await host.Worker.DrainAsync(CancellationToken.None);

        var failed = outbox.Get(row.Id)!;
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Contains("403", failed.LastError);
    }

    public async Task DisposeAsync()
    {
        await connector!.DisposeAsync();
        directory.Dispose();
    }

    private ChatAddress Chat(string userId) =>
        new ConversationReference
        {
            ChannelId = "emulator",
            User = new ChannelAccount(userId),
            Bot = new ChannelAccount("bot"),
            Conversation = new ConversationAccount(id: "c-" + userId),
            ServiceUrl = serviceUrl,
        }.ToChatAddress();
}
