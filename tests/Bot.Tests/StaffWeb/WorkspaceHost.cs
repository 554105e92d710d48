using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Tests.Notices;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// The workspace's host with a recording channel held at a gate (so deliveries stay pending until a test opens it), and
/// a clerk's browser, signed in by <see cref="SignInAsync"/>, that keeps the session and posts forms with the page's token.
/// </summary>
public sealed class WorkspaceHost : IDisposable
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WorkspaceFactory members = new();
    private Workspace? browser;

    public WorkspaceHost()
    {
        Channel.Gate = gate.Task;
        // The outbox's worker sends on the real clock here, so an opened gate lets deliveries through without moving time.
        Factory = members.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services
            .AddSingleton<IProactiveChannel>(Channel)
            .AddSingleton(TimeProvider.System)));
    }

    public RecordingChannel Channel { get; } = new("fake");

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>The signed-in clerk's browser.</summary>
    public HttpClient Client => (browser ?? throw new InvalidOperationException("Sign in first.")).Client;

    public T Get<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public void OpenGate() => gate.TrySetResult();

    /// <summary>Signs <paramref name="user"/> in on the host's browser.</summary>
    public async Task SignInAsync(string user = WorkspaceFactory.Clerk) => browser = await NewBrowser().SignedInAsync(user);

    /// <summary>Another browser, not signed in: cookies kept, redirects not followed.</summary>
    public Workspace NewBrowser() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Opens <paramref name="page"/> and posts <paramref name="fields"/> to <paramref name="action"/> with the page's antiforgery token.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string page, string action, params (string Name, string Value)[] fields) =>
        (browser ?? throw new InvalidOperationException("Sign in first.")).PostFromAsync(page, action, fields);

    public void Dispose()
    {
        gate.TrySetResult();
        browser?.Dispose();
        Factory.Dispose();
        members.Dispose();
    }
}
