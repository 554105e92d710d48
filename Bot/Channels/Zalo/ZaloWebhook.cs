using OneStopBot.Dialogs.Dossiers;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Hosting;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// <c>POST /api/zalo</c>. Verifies the signature over the raw bytes, answers at once (Zalo waits 2 seconds at
/// most), ignores redeliveries and queues the turn on the user's lane.
/// </summary>
public sealed class ZaloWebhook(
    ZaloAdapter adapter,
    ZaloTurnQueue queue,
    ZaloDeliveries delivered,
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
        if (!delivered.TryAdd(zaloEvent.DeliveryKey))
        {
            logger.LogInformation("Zalo event {Event} {MessageId} delivered again; already handled", zaloEvent.Name, zaloEvent.MessageId);
            return TypedResults.Ok();
        }
        if (!queue.TryEnqueue(zaloEvent.UserId!, ct => adapter.ProcessEventAsync(zaloEvent, ct)))
        {
            // Forget it so that Zalo's next delivery of this event is taken.
            delivered.Remove(zaloEvent.DeliveryKey);
            logger.LogWarning("Zalo event {Event} refused: {Pending} turns are waiting", zaloEvent.Name, queue.Pending);
            return TypedResults.Problem(ProblemTexts.ZaloBusy, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Ok();
    }

    private static IResult Unauthorized() =>
        TypedResults.Problem(DossierFormat.Text(ProblemTexts.ZaloSignatureRequired, ZaloSignature.Header), statusCode: StatusCodes.Status401Unauthorized);

}
