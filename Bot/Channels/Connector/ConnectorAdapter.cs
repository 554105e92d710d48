using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using OneStopBot.Bot.Channels.Turns;

namespace OneStopBot.Bot.Channels.Connector;

/// <summary>
/// The Bot Framework Connector channel (Azure Bot Service, Emulator). A single public constructor keeps
/// dependency injection unambiguous, which CloudAdapter's own constructors are not.
/// </summary>
public sealed class ConnectorAdapter : CloudAdapter
{
    public ConnectorAdapter(BotFrameworkAuthentication authentication, TurnPipeline pipeline, ILogger<ConnectorAdapter> logger)
        : base(authentication, logger)
    {
        pipeline.Attach(this);
    }
}
