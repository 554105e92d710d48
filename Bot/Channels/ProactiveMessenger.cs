using System.Runtime.ExceptionServices;
using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels.Connector;

namespace OneStopBot.Bot.Channels;

/// <summary>
/// Sends a message to a stored conversation through the channel that owns it: the first registered
/// <see cref="IProactiveChannel"/> that can reach it, otherwise the Bot Framework Connector at the reference's
/// serviceUrl if that is one the bot may send to. Every failure comes out as a <see cref="DeliveryFailedException"/> that says whether to try again.
/// </summary>
public sealed class ProactiveMessenger(
    IEnumerable<IProactiveChannel> channels,
    ConnectorAdapter connector,
    ConnectorSecurity security,
    IOptions<ProactiveMessengerOptions> options)
{
    private readonly IProactiveChannel[] channels = [.. channels];

    public async Task SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        // Adapters hand exceptions inside a turn to their turn-error handler, which would hide a failed send:
        // keep the exception and throw it here instead.
        ExceptionDispatchInfo? failure = null;
        BotCallbackHandler send = async (turnContext, ct) =>
        {
            try
            {
                await turnContext.SendActivityAsync(activity, ct);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        };
        var channel = Array.Find(channels, c => c.CanReach(reference));
        if (channel is not null)
        {
            await channel.ContinueConversationAsync(reference, send, cancellationToken);
            failure?.Throw();
            return;
        }
        if (!security.MaySendTo(reference.ServiceUrl))
        {
            throw new DeliveryFailedException("The serviceUrl came from no authenticated turn and is not allowed.", isTransient: false);
        }
        try
        {
            // Without an app id the Connector is called without credentials, as the Emulator expects.
            await connector.ContinueConversationAsync(options.Value.MicrosoftAppId ?? string.Empty, reference, send, cancellationToken);
            failure?.Throw();
        }
        catch (ErrorResponseException e)
        {
            var status = e.Response?.StatusCode ?? 0;
            throw new DeliveryFailedException($"Connector answered HTTP {(int)status}", IsTransient(status), e);
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryFailedException($"Connector unreachable: {e.HttpRequestError}", isTransient: true, e);
        }
    }

    // Throttled or a server-side problem: later may work. Anything else (403 blocked, 404 gone) will not.
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;
}

/// <summary>The bot's identity towards the Connector, bound from the root of the configuration (<c>MicrosoftAppId</c>).</summary>
public sealed class ProactiveMessengerOptions
{
    public string? MicrosoftAppId { get; set; }
}
