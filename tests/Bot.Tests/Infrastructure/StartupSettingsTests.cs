using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Tests.Infrastructure;

public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Knowledge:ProceduresPath", "/no/such/procedures/folder", "Knowledge:ProceduresPath must be an existing folder")]
    [InlineData("MicrosoftAppId", "my-bot", "MicrosoftAppId must be empty")]
    [InlineData("Connector:AllowedServiceUrls:0", "ftp://smba.trafficmanager.net/", "AllowedServiceUrls must be absolute http or https")]
    [InlineData("Edge:KnownProxies:0", "not-an-address", "KnownProxies IP addresses")]
    [InlineData("State:CachedDocuments", "0", "State:CachedDocuments must be between 1 and 1000000")]
    [InlineData("Zalo:Inbox:MaxConcurrentTurns", "0", "Zalo:MaxPendingTurns and Zalo:Inbox counts must be at least 1")]
    [InlineData("Zalo:Inbox:MaxAttempts", "0", "Zalo:MaxPendingTurns and Zalo:Inbox counts must be at least 1")]
    [InlineData("Zalo:Inbox:ReplyHold", "00:00:00", "ReplyHold at least 1 second")]
    [InlineData("Zalo:Inbox:PollInterval", "00:00:00", "PollInterval positive")]
    [InlineData("Zalo:MaxPendingTurns", "0", "Zalo:MaxPendingTurns and Zalo:Inbox counts must be at least 1")]
    public void A_wrong_setting_stops_start_up_with_its_name(string key, string value, string reason)
    {
        using var factory = new OneStopBotFactory();
        factory.Settings[key] = value;

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
