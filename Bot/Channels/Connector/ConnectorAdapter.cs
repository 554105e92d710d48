using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Office.Staff;
using OneStopBot.Bot.Channels.Turns;

namespace OneStopBot.Bot.Channels.Connector;

/// <summary>
/// The Bot Framework Connector channel (Azure Bot Service, Emulator). A single public constructor keeps
/// dependency injection unambiguous, which CloudAdapter's own constructors are not.
/// </summary>
public sealed class ConnectorAdapter : CloudAdapter
{
    public ConnectorAdapter(
        BotFrameworkAuthentication authentication,
        TurnPipeline pipeline,
        ConnectorSecurity security,
        IOptionsMonitor<StaffOptions> staff,
        ILogger<ConnectorAdapter> logger)
        : base(authentication, logger)
    {
        pipeline.Attach(this);
        Use(new VerifyCaller(security, staff));
    }

    /// <summary>A turn for an Activity the endpoint has already read and checked, so the body is parsed once.</summary>
    /// <exception cref="UnauthorizedAccessException">The Authorization header does not authenticate the caller.</exception>
    public Task<Microsoft.Bot.Builder.InvokeResponse> ProcessAsync(string? authHeader, Microsoft.Bot.Schema.Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authHeader ?? string.Empty, activity, bot.OnTurnAsync, cancellationToken);

    /// <summary>With JWT authentication on, the channel vouches for the user; anonymous turns stay unverified.</summary>
    private sealed class VerifyCaller(ConnectorSecurity security, IOptionsMonitor<StaffOptions> staff) : Microsoft.Bot.Builder.IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            var activity = turnContext.Activity;
            if (!security.IsAnonymous && activity.From?.Id is { Length: > 0 } && activity.ChannelId is { Length: > 0 })
            {
                turnContext.SetVerifiedCaller(VerifiedCaller.ChannelUser(turnContext.ChatAddress(), staff.CurrentValue));
            }
            return next(cancellationToken);
        }
    }
}
