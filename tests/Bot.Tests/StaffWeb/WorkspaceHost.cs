using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.Tests.Notices;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// The host with a recording channel held at a gate (so deliveries stay pending until a test opens it), and a client
/// that carries the staff key and the antiforgery cookie like a clerk's browser.
/// </summary>
public sealed partial class WorkspaceHost : IDisposable
{
    public const string ApiKey = "test-key-123";

    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkspaceHost()
    {
        Channel.Gate = gate.Task;
        Factory = new ChannelFactory(Channel);
        Factory.Settings["Staff:ApiKey"] = ApiKey;
        Client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public RecordingChannel Channel { get; } = new("fake");

    public OneStopBotFactory Factory { get; }

    public HttpClient Client { get; }

    public T Get<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public void OpenGate() => gate.TrySetResult();

    /// <summary>Opens <paramref name="page"/> and posts <paramref name="fields"/> to <paramref name="action"/> with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await Client.GetStringAsync(page);
        var token = TokenField().Match(html);
        Assert.True(token.Success, "the page has no antiforgery field");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new(WebUtility.HtmlDecode(token.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[2].Value)));
        return await Client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public void Dispose()
    {
        gate.TrySetResult();
        Client.Dispose();
        Factory.Dispose();
    }

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]+)">""")]
    private static partial Regex TokenField();

    private sealed class ChannelFactory(RecordingChannel channel) : OneStopBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IProactiveChannel>(channel));
        }
    }
}
