using System.Net;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.WebChat;

public sealed class WebChatPageTests : IClassFixture<WebChatFactory>
{
    private readonly HttpClient client;

    public WebChatPageTests(WebChatFactory factory)
    {
        factory.Settings["Office:CommuneName"] = "xã Thử Nghiệm";
        factory.Settings["Office:OfficeName"] = "Bộ phận một cửa xã Thử Nghiệm";
        client = factory.CreateClient();
    }

    [Fact]
    public async Task The_page_shows_the_commune_and_loads_web_chat_from_this_host()
    {
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>xã Thử Nghiệm</h1>", html);
        Assert.Contains("Bộ phận một cửa xã Thử Nghiệm", html);
        Assert.Contains("lang=\"vi\"", html);
        // Relative, so that the page also works under a proxy's path prefix (https://xa.gov.vn/hoi-dap/).
        Assert.Matches("<script src=\"webchat/webchat-minimal\\.[a-z0-9]{6,}\\.js\"></script>", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("src=\"/", html);
        Assert.Contains("data-directline=\"v3/directline\"", html);
        Assert.Matches("<link rel=\"icon\" href=\"favicon\\.[a-z0-9]{6,}\\.svg\"", html);
    }

    /// <summary>A commune portal of another site frames the page (README's iframe): nothing in its answer may forbid it.</summary>
    [Fact]
    public async Task Any_site_may_frame_the_chat_page()
    {
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.DoesNotContain(response.Headers.Concat(response.Content.Headers), header =>
            header.Key.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase) && header.Value.Any(v => v.Contains("frame-ancestors", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/webchat/webchat.js", "text/javascript")]
    [InlineData("/webchat/webchat-minimal.js", "text/javascript")]
    [InlineData("/chat.js", "text/javascript")]
    [InlineData("/chat.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_scripts_and_styles_are_served_by_the_host(string path, string mediaType)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 100);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_page_names_each_file_by_its_content_so_a_phone_keeps_it_compressed_for_a_year(string encoding)
    {
        var html = await client.GetStringAsync("/");
        var bundle = System.Text.RegularExpressions.Regex.Match(html, "src=\"(webchat/webchat-minimal\\.[a-z0-9]+\\.js)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + bundle);
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        using var response = await client.SendAsync(request);
        using var bare = await client.GetAsync("/webchat/webchat-minimal.js", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        // 1.9 MB as it comes from npm; compressed at build, Brotli is about a sixth of it.
        Assert.InRange(response.Content.Headers.ContentLength!.Value, 100_000, encoding == "br" ? 400_000 : 500_000);
        Assert.True(bare.Headers.CacheControl?.NoCache, "The bare name must be revalidated, or a new version would not reach phones.");
    }

    [Theory]
    [InlineData("/webchat/webchat.js")]
    [InlineData("/webchat/webchat-minimal.js")]
    public async Task The_bundles_are_the_official_web_chat(string path)
    {
        var script = await client.GetStringAsync(path);

        Assert.Contains("renderWebChat", script);
        Assert.Contains("createDirectLine", script);
    }

    [Fact]
    public async Task The_service_worker_keeps_exactly_the_files_the_page_names_and_is_checked_on_every_visit()
    {
        var html = await client.GetStringAsync("/");
        using var response = await client.GetAsync("/sw.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, "A worker kept in the browser's cache would hold on to old files.");
        var kept = System.Text.Json.JsonSerializer.Deserialize<string[]>(System.Text.RegularExpressions.Regex.Match(script, @"var assets = (\[[^\]]*\])").Groups[1].Value)!;
        var named = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(4, kept.Length);
        // Hashed names only: a file kept under its bare name would never be replaced by a new build.
        Assert.All(kept, path => Assert.Contains(path, named));
        Assert.All(kept, path => Assert.Matches(@"\.[a-z0-9]{6,}\.(js|css|svg)$", path));
        // The cache is named after the files, so that a new build makes a new worker that drops the old cache.
        Assert.Matches("var cacheName = 'onestop-[0-9a-f]{12}';", script);
        Assert.Contains("name !== cacheName", script);
    }

    [Theory]
    [InlineData("khai-sinh", "khai-sinh", "Đăng ký khai sinh")]
    [InlineData("ket-hon", "ket-hon", "Đăng ký kết hôn")]
    [InlineData("khong-co", "", "")]
    [InlineData("", "", "")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "", "")]
    [InlineData("%F0%9F%98%80", "", "")]
    public async Task A_procedure_link_opens_the_chat_on_a_known_procedure_only(string hoi, string expectedId, string expectedName)
    {
        var html = await client.GetStringAsync($"/?hoi={hoi}");

        Assert.Contains($"data-procedure-id=\"{expectedId}\" data-procedure-name=\"{expectedName}\"", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task A_huge_procedure_parameter_is_ignored()
    {
        var html = await client.GetStringAsync($"/?hoi={new string('a', 5000)}");

        Assert.Contains("data-procedure-id=\"\"", html);
    }
}

public sealed class CatalogProcedureDirectoryTests : IClassFixture<OneStopBotFactory>
{
    private readonly HttpClient client;

    public CatalogProcedureDirectoryTests(OneStopBotFactory factory) => client = factory.CreateClient();

    [Fact]
    public async Task The_posters_list_the_procedures_of_the_knowledge_catalog()
    {
        var html = await client.GetStringAsync("/qr/posters");

        Assert.Contains("<img src=\"http://localhost/qr/khai-sinh\"", html);
        Assert.Contains("<img src=\"http://localhost/qr/ket-hon\"", html);
        Assert.True(System.Text.RegularExpressions.Regex.Count(html, "<section class=\"card\">") > 20);
    }

    [Theory]
    [InlineData("khai-sinh", HttpStatusCode.OK)]
    [InlineData("khong-co", HttpStatusCode.NotFound)]
    public async Task Procedure_codes_follow_the_knowledge_catalog(string id, HttpStatusCode expected)
    {
        using var response = await client.GetAsync($"/qr/{id}");

        Assert.Equal(expected, response.StatusCode);
    }
}
