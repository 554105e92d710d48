using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Transforms;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A loopback reverse proxy that serves the host under a path of the commune's site (<c>/hoi-dap/</c>), as README's
/// <c>proxy_pass http://127.0.0.1:3978/;</c> under a location does: the prefix is taken off before forwarding.
/// </summary>
public sealed class PathProxy : LoopbackSite
{
    public const string Prefix = "/hoi-dap";

    private PathProxy(WebApplication app) : base(app)
    {
    }

    public static async Task<PathProxy> StartAsync(string destination)
    {
        var builder = NewBuilder();
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        app.MapForwarder(Prefix + "/{**path}", destination, transforms => transforms.AddPathRemovePrefix(Prefix));
        var proxy = new PathProxy(app);
        await proxy.StartAsync();
        return proxy;
    }
}
