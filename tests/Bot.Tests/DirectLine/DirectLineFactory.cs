using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.DirectLine;

/// <summary>The host with a clock the tests move and a bot whose answers the tests can predict.</summary>
public class DirectLineFactory : OneStopBotFactory
{
    /// <summary>The Direct Line secret a website's backend holds, which may name the user of a token.</summary>
    public const string BackendSecret = "backend-secret";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Settings.TryAdd("DirectLine:TokenSecret", "test-secret-of-at-least-32-bytes!");
        Settings.TryAdd("DirectLine:Secret", BackendSecret);
        Settings.TryAdd("DirectLine:TokenLifetime", "00:30:00");
        Settings.TryAdd("DirectLine:IdleTimeout", "01:00:00");
        // Every test here starts conversations from the same in-process client; the limit has tests of its own.
        Settings.TryAdd("Edge:ConversationStartsPerMinute", "100000");
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IBot>();
            services.AddSingleton<IBot, EchoBot>();
        });
    }
}

/// <summary>Greets whoever joins, echoes messages, and fails on "lỗi" so the error path can be seen.</summary>
public sealed class EchoBot : ActivityHandler
{
    public const string Welcome = "Chào mừng anh/chị.";

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(Welcome), cancellationToken);

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Text == "lỗi"
            ? throw new InvalidOperationException("A failing turn")
            : turnContext.SendActivityAsync(MessageFactory.Text($"Bạn nói: {turnContext.Activity.Text}"), cancellationToken);
}
