using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Transforms;

namespace OneStopBot.Bot.Tests.Browser;

/// <summary>
/// A loopback reverse proxy that terminates TLS with a self-signed certificate and forwards plain HTTP and WebSockets
/// to the host, with X-Forwarded-Proto/Host/For, as nginx in front of the office's server does. Its BaseUrl is https.
/// </summary>
public sealed class TlsProxy : LoopbackSite
{
    private TlsProxy(WebApplication app) : base(app)
    {
    }

    public static async Task<TlsProxy> StartAsync(string destination)
    {
        var certificate = SelfSignedCertificate();
        var builder = NewBuilder(listen => listen.UseHttps(certificate));
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        app.MapForwarder("/{**path}", destination, transforms => transforms.AddXForwarded(ForwardedTransformActions.Set));
        var proxy = new TlsProxy(app);
        await proxy.StartAsync();
        return proxy;
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
}
