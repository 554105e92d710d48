using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Tests.WebChat;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// The real host on Kestrel, on a loopback port (a free one unless given, so that a second host can take the first
/// one's place as after a restart), so a real browser can reach it.
/// </summary>
public sealed class KestrelWebChatFactory : WebChatFactory
{
    public KestrelWebChatFactory(IReadOnlyDictionary<string, string?>? settings = null, int port = 0)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public int Port => new Uri(BaseUrl).Port;

    /// <summary>A message from the office into an open web chat, as a notice or a status change sends it.</summary>
    public Task NotifyAsync(string conversationId, string text)
    {
        var reference = new ConversationReference
        {
            ChannelId = DirectLineAdapter.ChannelId,
            ServiceUrl = DirectLineAdapter.ServiceUrl,
            Conversation = new ConversationAccount(id: conversationId),
            Bot = new ChannelAccount(DirectLineAdapter.BotId),
        };
        return Services.GetRequiredService<DirectLineAdapter>().ContinueConversationAsync(
            reference, (context, cancellationToken) => context.SendActivityAsync(text, cancellationToken: cancellationToken), CancellationToken.None);
    }

    /// <summary>The host's clock: the real one, which a test may move forward (timers keep real time).</summary>
    public ShiftedTimeProvider Time { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}

/// <summary>The system clock plus an offset: the host sees time jump (a phone locked for an hour) while its timers run as usual.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
}
