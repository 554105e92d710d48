using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Tests.DirectLine;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// Hundreds of streams on one token, or from one address, are no longer all kept: past the caps the oldest stream is
/// closed with a policy status and a reason, and the newer ones go on working.
/// </summary>
public sealed class SocketCapAttackTests : IDisposable
{
    private const int PerConversation = 2;
    private const int PerAddress = 3;

    private readonly SecurityHost.HostFactory factory = new();

    public SocketCapAttackTests()
    {
        factory.Settings["DirectLine:MaxSocketsPerConversation"] = PerConversation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["DirectLine:MaxSocketsPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task One_stream_past_the_cap_on_a_token_closes_the_oldest_and_the_others_work()
    {
        var client = new DirectLineClient(Client("203.0.113.10"));
        var conversation = await client.StartAsync();
        var sockets = new List<WebSocket>();
        for (var i = 0; i <= PerConversation; i++)
        {
            sockets.Add(await OpenAsync(conversation.StreamUrl, "203.0.113.10"));
            await DirectLineClient.ReceiveSetAsync(sockets[^1]);
        }

        var (status, reason) = await ClosedAsync(sockets[0]);
        await client.SayAsync(conversation, "xin chào");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Equal(DirectLineSockets.ConversationReason, reason);
        foreach (var open in sockets.Skip(1))
        {
            Assert.Equal("xin chào", await NextUserTextAsync(open));
        }
        Assert.Equal(PerConversation, factory.Services.GetRequiredService<DirectLineSockets>().CountFor(conversation.Id));
    }

    [Fact]
    public async Task One_stream_past_the_cap_from_an_address_closes_its_oldest_and_the_others_work()
    {
        var client = new DirectLineClient(Client("203.0.113.20"));
        var conversations = new List<DirectLineClient.Conversation>();
        var sockets = new List<WebSocket>();
        for (var i = 0; i <= PerAddress; i++)
        {
            conversations.Add(await client.StartAsync());
            sockets.Add(await OpenAsync(conversations[^1].StreamUrl, "203.0.113.20"));
            await DirectLineClient.ReceiveSetAsync(sockets[^1]);
        }
        // Another address is not touched by this one's streams.
        var elsewhere = await OpenAsync(conversations[0].StreamUrl, "203.0.113.21");
        await DirectLineClient.ReceiveSetAsync(elsewhere);

        var (status, reason) = await ClosedAsync(sockets[0]);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Equal(DirectLineSockets.AddressReason, reason);
        for (var i = 1; i <= PerAddress; i++)
        {
            await client.SayAsync(conversations[i], "thôn " + i);
            Assert.Equal("thôn " + i, await NextUserTextAsync(sockets[i]));
        }
        await client.SayAsync(conversations[0], "vẫn nghe");
        Assert.Equal("vẫn nghe", await NextUserTextAsync(elsewhere));
    }

    public void Dispose() => factory.Dispose();

    private HttpClient Client(string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(SecurityHost.PeerHeader, address);
        return client;
    }

    private async Task<WebSocket> OpenAsync(string streamUrl, string address)
    {
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers[SecurityHost.PeerHeader] = address;
        return await sockets.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
    }

    /// <summary>Reads until the server's close, answers it, and returns the status and reason the server gave.</summary>
    private static async Task<(WebSocketCloseStatus? Status, string? Reason)> ClosedAsync(WebSocket socket)
    {
        while (true)
        {
            var (type, _) = await DirectLineClient.ReceiveAsync(socket);
            if (type == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return (socket.CloseStatus, socket.CloseStatusDescription);
            }
        }
    }

    /// <summary>The text of the next message a user sent, as the stream delivers it.</summary>
    private static async Task<string> NextUserTextAsync(WebSocket socket)
    {
        while (true)
        {
            var set = await DirectLineClient.ReceiveSetAsync(socket);
            if (set["activities"]!.FirstOrDefault(a => a["from"]?.Value<string>("role") == "user") is { } activity)
            {
                return activity.Value<string>("text")!;
            }
        }
    }
}
