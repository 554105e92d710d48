using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Bot.Tests.DirectLine;

/// <summary>
/// The addresses the host hands out (the Direct Line <c>streamUrl</c>, QR links) behind an HTTPS reverse proxy:
/// from <c>WebChat:PublicUrl</c> when set, else from the forwarded headers of configured proxies only.
/// </summary>
public sealed class ProxiedAddressTests
{
    /// <summary>The site's name, as the proxy forwards it; the host answers it only when AllowedHosts names it.</summary>
    private const string PublicHost = "chat.example.vn";

    [Fact]
    public async Task Forwarded_headers_from_a_known_proxy_give_a_secure_stream_on_the_public_host()
    {
        using var host = new KestrelHost(new() { ["Edge:KnownProxies:0"] = "127.0.0.1", ["AllowedHosts"] = PublicHost });

        var streamUrl = await StreamUrlAsync(host, forwarded: true);

        Assert.StartsWith("wss://chat.example.vn/v3/directline/conversations/", streamUrl);
    }

    [Fact]
    public async Task A_forwarded_host_the_office_did_not_name_is_refused()
    {
        using var host = new KestrelHost(new() { ["Edge:KnownProxies:0"] = "127.0.0.1" });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var request = Forwarded(new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Base}/conversations"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(PublicHost, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forwarded_headers_from_a_known_network_count_too()
    {
        using var host = new KestrelHost(new() { ["Edge:KnownNetworks:0"] = "127.0.0.0/8", ["AllowedHosts"] = PublicHost });

        Assert.StartsWith("wss://chat.example.vn/v3/directline/", await StreamUrlAsync(host, forwarded: true));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        using var host = new KestrelHost(new() { ["Edge:KnownProxies:0"] = "192.0.2.10" });

        var streamUrl = await StreamUrlAsync(host, forwarded: true);

        Assert.StartsWith($"ws://{host.Authority}/v3/directline/conversations/", streamUrl);
    }

    [Fact]
    public async Task The_public_url_wins_and_keeps_its_path()
    {
        using var host = new KestrelHost(new() { ["WebChat:PublicUrl"] = "https://xa.example.vn/hoi-dap/" });

        var streamUrl = await StreamUrlAsync(host, forwarded: false);

        Assert.StartsWith("wss://xa.example.vn/hoi-dap/v3/directline/conversations/", streamUrl);
        Assert.Contains("/stream?t=", streamUrl);
    }

    [Fact]
    public async Task Qr_links_follow_the_forwarded_host_when_no_public_url_is_set()
    {
        using var host = new KestrelHost(new() { ["Edge:KnownProxies:0"] = "127.0.0.1", ["AllowedHosts"] = PublicHost });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var request = Forwarded(new HttpRequestMessage(HttpMethod.Get, "/qr/posters"));

        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"url\">https://chat.example.vn/</p>", html);
        Assert.DoesNotContain("class=\"warning", html);
    }

    private static async Task<string> StreamUrlAsync(KestrelHost host, bool forwarded)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Base}/conversations");
        using var sent = forwarded ? Forwarded(request) : request;
        using var response = await http.SendAsync(sent);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("streamUrl")!;
    }

    /// <summary>What nginx adds when it terminates TLS for <c>https://chat.example.vn</c>.</summary>
    private static HttpRequestMessage Forwarded(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", PublicHost);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    /// <summary>The host on Kestrel on a loopback port, so that requests really come from 127.0.0.1.</summary>
    private sealed class KestrelHost : DirectLineFactory
    {
        public KestrelHost(Dictionary<string, string?> settings)
        {
            foreach (var (key, value) in settings)
            {
                Settings[key] = value;
            }
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        }

        public string BaseUrl { get; }

        public string Authority => new Uri(BaseUrl).Authority;
    }
}
