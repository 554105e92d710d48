using System.Net;
using System.Net.Http.Headers;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Qr;
using OneStopBot.Bot.WebChat;
using static OneStopBot.Bot.Tests.Communes.CommunesHost;

namespace OneStopBot.Bot.Tests.Communes;

/// <summary>Each commune's web chat, procedure pages and posters at <c>/xa/{id}/</c> and at its own host name; the list at <c>/</c>.</summary>
public sealed class CommuneAddressTests(CommunesHost host) : IClassFixture<CommunesHost>
{
    private readonly HttpClient client = host.CreateClient(new() { AllowAutoRedirect = false });

    private static HttpRequestMessage Browser(string path, string? hostName = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        if (hostName is not null)
        {
            request.Headers.Host = hostName;
        }
        return request;
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path, string? hostName = null)
    {
        using var response = await client.SendAsync(Browser(path, hostName));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_root_lists_the_communes_each_linking_to_its_chat()
    {
        var (status, html) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(CommuneListTexts.Title, html);
        Assert.Contains("<a href=\"xa/phuoc-duc/\">xã Phước Đức</a>", html);
        Assert.Contains("<a href=\"xa/suoi-may/\">xã Suối Mây</a>", html);
        Assert.Contains("width=device-width", html);
        Assert.DoesNotContain("data-directline", html);
    }

    [Theory]
    [InlineData("/xa/suoi-may/", "<h1>xã Suối Mây</h1>", "Phước Đức")]
    [InlineData("/xa/phuoc-duc/", "<h1>xã Phước Đức</h1>", "Suối Mây")]
    public async Task A_commune_s_address_serves_its_web_chat(string path, string heading, string other)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(heading, html);
        Assert.DoesNotContain(other, html);
        Assert.Contains("data-directline=\"v3/directline\"", html);
        // Its files are found beside it, under the commune's address.
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script src=\"(chat\\.[a-z0-9]+\\.js)\"").Groups[1].Value;
        using var file = await client.GetAsync(path + script);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Fact]
    public async Task A_commune_s_own_host_name_serves_its_web_chat_at_the_root()
    {
        var (status, html) = await GetAsync("/", SuoiMayHost);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>xã Suối Mây</h1>", html);
    }

    [Fact]
    public async Task The_address_without_its_slash_is_sent_to_the_folder()
    {
        using var response = await client.SendAsync(Browser("/xa/suoi-may?hoi=khai-sinh"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/xa/suoi-may/?hoi=khai-sinh", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/xa/khong-co/")]
    [InlineData("/xa/khong-co/thu-tuc/khai-sinh")]
    [InlineData("/xa/SUOI-MAY/")]
    [InlineData("/xa/suoi-may/can-bo")]
    [InlineData("/xa/suoi-may/api/staff/statistics")]
    [InlineData("/xa/%3Cscript%3E/")]
    public async Task An_unknown_commune_or_a_page_a_commune_does_not_serve_is_a_404_in_vietnamese(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(CommuneListTexts.NotFound, html);
        Assert.DoesNotContain("<script>", html);

        using var api = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains(CommuneListTexts.NotFoundTitle, await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_commune_s_procedure_pages_give_its_own_facts()
    {
        var (indexStatus, index) = await GetAsync("/xa/suoi-may/thu-tuc");
        var (pageStatus, page) = await GetAsync("/xa/suoi-may/thu-tuc/khai-sinh");
        var (otherStatus, other) = await GetAsync("/xa/phuoc-duc/thu-tuc/khai-sinh");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (indexStatus, pageStatus, otherStatus));
        Assert.Contains(SuoiMayPhone, index);
        Assert.Contains(SuoiMayPhone, page);
        Assert.Contains("Bộ phận một cửa UBND xã Suối Mây", page);
        Assert.DoesNotContain(PhuocDucPhone, page);
        Assert.Contains(PhuocDucPhone, other);
        Assert.DoesNotContain(SuoiMayPhone, other);
        // Its QR code points to the commune's own page under the public address.
        var png = await client.GetByteArrayAsync("/xa/suoi-may/qr/khai-sinh");
        Assert.Equal(QrCodes.Png(PublicUrl + "xa/suoi-may/thu-tuc/khai-sinh"), png);
    }

    [Fact]
    public async Task Without_a_commune_the_procedure_pages_and_posters_send_residents_to_the_list()
    {
        using var index = await client.SendAsync(Browser("/thu-tuc"));
        using var page = await client.SendAsync(Browser("/thu-tuc/khai-sinh"));
        using var posters = await client.SendAsync(Browser("/qr/posters"));

        Assert.Equal(("./", "../", "../"), (index.Headers.Location?.OriginalString, page.Headers.Location?.OriginalString, posters.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task A_commune_s_posters_point_to_its_own_addresses()
    {
        var (status, html) = await GetAsync("/xa/suoi-may/qr/posters");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Bộ phận một cửa UBND xã Suối Mây", html);
        Assert.Contains(HtmlText.Encode(PublicUrl + "xa/suoi-may/thu-tuc/khai-sinh"), html);
        Assert.Contains(HtmlText.Encode(PublicUrl + "xa/suoi-may/"), html);
        Assert.DoesNotContain("Phước Đức", html);
        Assert.DoesNotContain(HtmlText.Encode(PublicUrl + "thu-tuc/"), html);
    }
}
