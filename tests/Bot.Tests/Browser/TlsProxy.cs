using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Transforms;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A loopback reverse proxy that terminates TLS with a self-signed certificate and forwards plain HTTP and WebSockets
/// to the host, with X-Forwarded-Proto/Host/For, as nginx in front of the office's server does.
/// </summary>
public sealed class TlsProxy : IAsyncDisposable
{
    private readonly WebApplication app;

    private TlsProxy(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The https address the browser opens.</summary>
    public string BaseUrl { get; }

    public static async Task<TlsProxy> StartAsync(string destination)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Its request log would carry every Direct Line token in the stream addresses.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var certificate = SelfSignedCertificate();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        app.MapForwarder("/{**path}", destination, transforms => transforms.AddXForwarded(ForwardedTransformActions.Set));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TlsProxy(app, address.TrimEnd('/'));
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Kestrel on Linux needs the private key in a form it can load: a PFX round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
