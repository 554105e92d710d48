using System.Net;
using System.Text.RegularExpressions;
using OneStopBot.Bot.Qr;
using OneStopBot.Bot.WebChat;

namespace OneStopBot.Bot.Tests.WebChat;

public sealed class QrTests : IClassFixture<WebChatFactory>
{
    private const string PublicUrl = "https://sonlam.example.vn/hoi-dap/";
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly HttpClient client;

    public QrTests(WebChatFactory factory)
    {
        factory.Settings["WebChat:PublicUrl"] = PublicUrl;
        client = factory.CreateClient();
    }

    [Fact]
    public async Task The_page_code_encodes_the_public_address()
    {
        using var response = await client.GetAsync("/qr");
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(QrCodes.Png(PublicUrl), png);
    }

    [Theory]
    [InlineData("khai-sinh")]
    [InlineData("ket-hon")]
    public async Task A_procedure_code_opens_its_public_page(string id)
    {
        var png = await client.GetByteArrayAsync($"/qr/{id}");

        Assert.Equal(QrCodes.Png($"{PublicUrl}thu-tuc/{id}"), png);
        Assert.NotEqual(QrCodes.Png(PublicUrl), png);
    }

    [Theory]
    [InlineData("khong-co")]
    [InlineData("KHAI-SINH")]
    [InlineData("%F0%9F%98%80")]
    [InlineData("..%2F..%2Fetc")]
    public async Task An_unknown_procedure_has_no_code(string id)
    {
        using var response = await client.GetAsync($"/qr/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_posters_list_every_procedure_with_its_code()
    {
        using var response = await client.GetAsync("/qr/posters");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var procedure in FakeProcedureDirectory.Procedures)
        {
            Assert.Contains($"<h2>{procedure.Name}</h2>", html);
            Assert.Contains($"<img src=\"{PublicUrl}qr/{procedure.Id}\"", html);
        }
        // Through the public address, path included: the sheet itself lives under /qr/.
        Assert.Contains($"<img src=\"{PublicUrl}qr\"", html);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{PublicUrl}posters.css\">", html);
        Assert.Contains($"<link rel=\"icon\" href=\"{PublicUrl}favicon.svg\">", html);
        Assert.DoesNotContain("src=\"/", html);
        Assert.DoesNotContain("href=\"/", html);
        Assert.Equal(FakeProcedureDirectory.Procedures.Count + 1, Regex.Count(html, "<section class=\"card\">"));
    }

    [Fact]
    public async Task Posters_for_a_public_address_carry_no_warning()
    {
        var html = await client.GetStringAsync("/qr/posters");

        Assert.DoesNotContain("class=\"warning", html);
    }

    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://[::1]:3978/")]
    public async Task Posters_for_an_address_of_this_machine_warn_before_printing(string publicUrl)
    {
        using var factory = new WebChatFactory();
        factory.Settings["WebChat:PublicUrl"] = publicUrl;

        var html = await factory.CreateClient().GetStringAsync("/qr/posters");

        Assert.Contains("<p class=\"warning no-print\" role=\"alert\">Chú ý: mã QR đang chứa địa chỉ của chính máy này", html);
    }

    [Theory]
    [InlineData("https://xa.gov.vn/", false)]
    [InlineData("http://192.168.1.20:3978/", false)]
    [InlineData("http://localhost/", true)]
    [InlineData("http://127.0.0.2/", true)]
    [InlineData("http://[::1]/", true)]
    public void Loopback_addresses_are_recognised(string url, bool loopback)
    {
        Assert.Equal(loopback, WebChatOptions.IsLoopback(new Uri(url)));
    }
}
