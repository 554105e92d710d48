using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>A small web application of a test on a free loopback port: a proxy or a portal beside the host.</summary>
public abstract class LoopbackSite(WebApplication app) : IAsyncDisposable
{
    /// <summary>Its address once started, e.g. http://127.0.0.1:40123.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>A site on <paramref name="address"/> (default 127.0.0.1); 127.0.0.2 is another site to a browser, not only another origin.</summary>
    protected static WebApplicationBuilder NewBuilder(Action<ListenOptions>? listen = null, IPAddress? address = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // It reads the host's appsettings.json beside the tests, whose AllowedHosts would refuse 127.0.0.2.
        builder.Configuration["AllowedHosts"] = "*";
        // Its request log would carry every Direct Line token in the stream addresses.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address ?? IPAddress.Loopback, 0, listen ?? (_ => { })));
        return builder;
    }

    protected async Task StartAsync()
    {
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public virtual async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
