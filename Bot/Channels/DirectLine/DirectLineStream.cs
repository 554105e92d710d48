using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStopBot.Bot.Edge;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket at a conversation's <c>streamUrl</c>: sends every activity set as it is appended, starting at the
/// watermark, until the client closes, the conversation is dropped or the host stops.
/// </summary>
public static class DirectLineStream
{
    internal static async Task<Results<EmptyHttpResult, JsonHttpResult<DirectLineError>>> RunAsync(
        HttpContext http, DirectLineIdentity caller, string? watermark, DirectLineConversations conversations,
        DirectLineSockets sockets, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineError.BadArgument("This address takes WebSocket connections only.");
        }
        if (conversations.Find(caller.Grant.ConversationId) is not { } conversation)
        {
            return DirectLineError.ConversationGone();
        }
        if (!DirectLineEndpoints.TryParseWatermark(watermark, out var from))
        {
            return DirectLineError.BadWatermark();
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var lease = sockets.Open(conversation.Id, EdgeRateLimits.ClientAddress(http));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping, conversation.Closed);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, lease.Replaced);
        var receiving = DrainUntilClosedAsync(socket, stop);
        try
        {
            await SendAsync(socket, conversation, from, sending.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            loggerFactory.CreateLogger(typeof(DirectLineStream)).LogDebug("Web chat stream ended: {Reason}", exception.Message);
        }
        if (lease.Replaced.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            // Close while still reading, so the client's answering close ends the read; one that never answers is cut off.
            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, lease.Reason!);
            stop.CancelAfter(CloseTimeout);
        }
        else
        {
            await stop.CancelAsync();
        }
        await receiving;
        await CloseAsync(socket, WebSocketCloseStatus.NormalClosure, conversation.Closed.IsCancellationRequested ? "The conversation has ended." : "Closing.");
        return TypedResults.Empty;
    }

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private static async Task SendAsync(WebSocket socket, DirectLineConversation conversation, int watermark, CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            await conversation.WaitForActivitiesAsync(watermark, cancellationToken);
            var set = conversation.Read(watermark);
            var bytes = Encoding.UTF8.GetBytes(DirectLineEndpoints.ToJson(set));
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            watermark = set.Watermark;
        }
    }

    /// <summary>Clients send nothing useful on the stream; reading is how a close from their side is noticed.</summary>
    private static async Task DrainUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Cancelled by the sending side, or the connection broke: either way the stream is over.
        }
        await stop.CancelAsync();
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client has gone already.
        }
    }
}
