using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Tests.WebChat;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>The real host on Kestrel, on a free loopback port, so a real browser can reach it.</summary>
public sealed class KestrelWebChatFactory : WebChatFactory
{
    public KestrelWebChatFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }
}
