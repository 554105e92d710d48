using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using Microsoft.Extensions.Options;
using System.Text;
using OneStopBot.Bot.Hosting;
using OneStopBot.Office.Channels;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// <c>POST /api/zalo</c>. Verifies the signature over the raw bytes, stores the event in the inbox, where its turn
/// runs from, and answers at once (Zalo waits 2 seconds at most); a redelivery is answered and not stored again.
/// </summary>
public sealed class ZaloWebhook(
    IInbox inbox,
    ZaloInboxWorker worker,
    IOptionsMonitor<ZaloOptions> options,
    TimeProvider timeProvider,
    ILogger<ZaloWebhook> logger)
{
    public const string Route = "/api/zalo";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var settings = options.CurrentValue;
        if (!settings.IsConfigured)
        {
            return TypedResults.NotFound();
        }
        var request = context.Request;
        var signature = request.Headers[ZaloSignature.Header].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            return Unauthorized();
        }
        var (body, tooLarge) = await CappedBody.ReadAsync(request, settings.MaxBodyBytes);
        if (body is null)
        {
            return tooLarge!;
        }
        if (!ZaloEvent.TryParse(body, out var zaloEvent, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }
        if (!ZaloSignature.IsValid(signature, settings.AppId, body, zaloEvent!.Timestamp, settings.OaSecretKey))
        {
            logger.LogWarning("Zalo webhook refused: the signature does not match");
            return Unauthorized();
        }

        // The signature covers the timestamp, so a recent stamp means a recent event: old ones are replays.
        var now = timeProvider.GetUtcNow();
        if (zaloEvent.OccurredAt is not { } occurredAt || occurredAt < now - settings.MaxEventAge || occurredAt > now + settings.MaxClockSkew)
        {
            logger.LogWarning("Zalo event {Event} refused: its timestamp is outside the accepted window", zaloEvent.Name);
            return TypedResults.Problem(ProblemTexts.ZaloStaleEvent, statusCode: StatusCodes.Status400BadRequest);
        }

        if (zaloEvent.Kind == ZaloEventKind.Unknown)
        {
            logger.LogInformation("Zalo event {Event} ignored: the bot has no use for it", zaloEvent.Name);
            return TypedResults.Ok();
        }
        // A redelivery is answered as taken, also when the inbox is full: it is stored already.
        if (inbox.Find(ZaloAdapter.ChannelId, zaloEvent.DeliveryKey) is not null)
        {
            return Redelivered(zaloEvent);
        }
        if (inbox.CountPending(ZaloAdapter.ChannelId) >= settings.MaxPendingTurns)
        {
            // Not stored, so Zalo's next delivery of this event is taken.
            logger.LogWarning("Zalo event {Event} refused: {Pending} events are waiting", zaloEvent.Name, settings.MaxPendingTurns);
            return TypedResults.Problem(ProblemTexts.ZaloBusy, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        // Stored before Zalo is answered: from here the event survives a crash, and its turn runs from the inbox.
        if (inbox.Add(new IncomingEvent(ZaloAdapter.ChannelId, zaloEvent.DeliveryKey, zaloEvent.UserId!, Encoding.UTF8.GetString(body))) is null)
        {
            return Redelivered(zaloEvent);
        }
        worker.Wake();
        return TypedResults.Ok();
    }

    private IResult Redelivered(ZaloEvent zaloEvent)
    {
        logger.LogInformation("Zalo event {Event} {MessageId} delivered again; already taken", zaloEvent.Name, zaloEvent.MessageId);
        return TypedResults.Ok();
    }

    private static IResult Unauthorized() =>
        TypedResults.Problem(TextTemplate.Fill(ProblemTexts.ZaloSignatureRequired, ZaloSignature.Header), statusCode: StatusCodes.Status401Unauthorized);

}
