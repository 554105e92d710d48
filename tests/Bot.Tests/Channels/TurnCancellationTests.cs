using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStopBot.Bot.Channels.Turns;

namespace OneStopBot.Bot.Tests.Channels;

/// <summary>A turn is cancelled by the host stopping, never by its caller going away.</summary>
public sealed class TurnCancellationTests
{
    [Fact]
    public async Task A_caller_going_away_does_not_cancel_the_turn_and_the_host_stopping_does()
    {
        var lifetime = new Lifetime();
        using var services = new ServiceCollection().AddSingleton<IHostApplicationLifetime>(lifetime).BuildServiceProvider();
        using var aborted = new CancellationTokenSource();
        var http = new DefaultHttpContext { RequestServices = services, RequestAborted = aborted.Token };

        var turn = TurnCancellation.Of(http);
        await aborted.CancelAsync();
        Assert.False(turn.IsCancellationRequested);

        await lifetime.Stopping.CancelAsync();
        Assert.True(turn.IsCancellationRequested);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();
    }
}
