using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.PublicPages;
using OneStopBot.Bot.Qr;
using OneStopBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Dialogs.Tests.Language;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;

namespace OneStopBot.Bot.Tests.PublicPages;

/// <summary>The host as shipped, with every procedure of the catalog, behind a public address under a path.</summary>
public sealed class ProcedurePagesHost : OneStopBotFactory
{
    public const string PublicUrl = "https://sonlam.example.vn/hoi-dap/";

    public ProcedurePagesHost()
    {
        Settings["WebChat:PublicUrl"] = PublicUrl;
    }

    public ProcedureCatalog Catalog => Services.GetRequiredService<ProcedureCatalog>();
}

public sealed partial class ProcedurePagesTests(ProcedurePagesHost host) : IClassFixture<ProcedurePagesHost>
{
    private readonly HttpClient client = host.CreateClient();

    public static TheoryData<string> ProcedureIds() =>
        [.. ShippedKnowledge.Catalog.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(ProcedureIds))]
    public async Task Every_procedure_has_a_page_in_the_bots_words(string id)
    {
        var procedure = host.Catalog.Find(id)!;

        using var response = await client.SendAsync(Browser($"/thu-tuc/{id}"));
        var html = await response.Content.ReadAsStringAsync();
        var text = Text(html);
        var facts = Unexplained(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{HtmlText.Encode(procedure.OfficialName)}</h1>", html);
        // The papers as the bot lists them, and the facts under the bot's labels.
        foreach (var document in procedure.Documents)
        {
            Assert.Contains(DocumentWording.Line(document), facts);
        }
        Assert.Contains($"<h2>{ProcedurePage.Heading(ProcedureTexts.Documents)}</h2>", html);
        Assert.Contains($"<h2>{ProcedurePage.Heading(ProcedureTexts.Fee)}</h2>", html);
        Assert.Contains(procedure.Time.Text, facts);
        Assert.Contains(procedure.Fee.Text, facts);
        Assert.Contains(procedure.WhereAndWhen, facts);
        Assert.Contains(procedure.Online.Text, facts);
        Assert.All(procedure.LegalBasis, law => Assert.Contains(law, text));
        Assert.Equal(procedure.Deadline is not null || procedure.Penalty is not null, html.Contains($"<h2>{ProcedurePage.Heading(ProcedureTexts.Deadline)}</h2>", StringComparison.Ordinal));
        // Where to go and when, and the office's facts, as the bot gives them.
        var office = host.Services.GetRequiredService<IOptions<OfficeOptions>>().Value;
        Assert.Contains(Receivers.Visit(procedure, office) ?? procedure.WhereAndWhen, facts);
        Assert.Contains(RootReplies.OfficeFactsOf(office), facts);
        Assert.Equal(procedure.Proxy is not null, html.Contains($"<h2>{ProcedurePage.Heading(ProcedureTexts.Proxy)}</h2>", StringComparison.Ordinal));
        // Filing online step by step where the file has a guide, and post where it says.
        if (procedure.OnlineGuide is { } guide)
        {
            Assert.All([guide.App, .. guide.Photograph, .. guide.Steps, guide.After, ProcedureTexts.GuideDesk], line => Assert.Contains(line, facts));
        }
        Assert.Equal(procedure.OnlineGuide is not null, facts.Contains(ProcedureTexts.GuideSteps, StringComparison.Ordinal));
        if (procedure.Post is { } post)
        {
            Assert.Contains(post, facts);
        }
        // Opens the chat on this procedure; every link relative, no script.
        Assert.Contains($"<a class=\"action\" href=\"../?hoi={id}\">{ProcedurePageTexts.AskAboutThis}</a>", html);
        Assert.DoesNotContain("href=\"/", html);
        Assert.DoesNotContain("src=\"/", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.DoesNotContain("src=\"http", html);
        // A glossary word is explained once a page, as once a conversation.
        Assert.All(host.Catalog.Glossary, term => Assert.True(Regex.Count(text, Regex.Escape($"({term.Explanation})")) <= 1, term.Key));
        Assert.DoesNotContain("<script", html);
        Assert.False(ShownTexts.HasEnglish(text), text);
    }

    [Fact]
    public async Task A_glossary_word_is_explained_at_its_first_use_on_the_page_as_in_a_conversation()
    {
        var term = host.Catalog.Glossary.Single(t => t.Key == "sổ hộ tịch");

        var text = Text(await client.GetStringAsync("/thu-tuc/khai-sinh"));

        Assert.Single(Regex.Matches(text, Regex.Escape($"sổ hộ tịch ({term.Explanation})")));
    }

    [Fact]
    public async Task The_index_lists_every_procedure_by_group_and_links_to_the_posters_and_the_chat()
    {
        using var response = await client.SendAsync(Browser("/thu-tuc"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var group in host.Catalog.All.GroupBy(p => p.Group))
        {
            var section = Regex.Match(html, $"<h2>{Regex.Escape(HtmlText.Encode(group.Key))}</h2>(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
            Assert.All(group, p => Assert.Contains($"<a href=\"thu-tuc/{p.Id}\">{HtmlText.Encode(p.OfficialName)}</a>", section));
        }
        Assert.Equal(host.Catalog.Count, Regex.Count(html, "<a href=\"thu-tuc/"));
        Assert.Contains("<a href=\"qr/posters\">", html);
        Assert.Contains("<a class=\"action\" href=\"./\">", html);
        Assert.DoesNotContain("href=\"/", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task The_index_with_a_trailing_slash_moves_to_the_address_its_links_are_relative_to()
    {
        using var response = await host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/thu-tuc/");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("../thu-tuc", response.Headers.Location?.OriginalString);
    }

    /// <summary>Each card of the posters: its code's image is the QR of the address printed under it, and that address answers.</summary>
    [Fact]
    public async Task Every_poster_code_encodes_a_page_of_the_public_address_that_answers()
    {
        var directory = host.Services.GetRequiredService<IProcedureDirectory>();
        var html = await client.GetStringAsync("/qr/posters");
        var cards = Regex.Matches(html, "<img src=\"([^\"]+)\"[^>]*>\\s*<p class=\"how\">[^<]*</p>\\s*<p class=\"url\">([^<]+)</p>");

        Assert.Equal(directory.All().Count + 1, cards.Count);
        foreach (var card in cards.Cast<Match>())
        {
            var image = Local(card.Groups[1].Value);
            var url = WebUtility.HtmlDecode(card.Groups[2].Value);
            Assert.Equal(QrCodes.Png(url), await client.GetByteArrayAsync(image));
            using var page = await client.SendAsync(Browser(Local(url)));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        Assert.All(directory.All(), p => Assert.Contains($"<p class=\"url\">{ProcedurePagesHost.PublicUrl}thu-tuc/{p.Id}</p>", html));
    }

    [Theory]
    [InlineData("khai-sinh", "https://xa.gov.vn/", "https://xa.gov.vn/thu-tuc/khai-sinh")]
    [InlineData("ket-hon", "https://xa.gov.vn/hoi-dap/", "https://xa.gov.vn/hoi-dap/thu-tuc/ket-hon")]
    [InlineData("a b&c", "http://localhost:3978/", "http://localhost:3978/thu-tuc/a%20b%26c")]
    public void A_page_address_keeps_the_public_path_and_escapes_the_id(string id, string site, string expected)
    {
        Assert.Equal(expected, ProcedurePages.PageUrl(new Uri(site), id));
    }

    [Theory]
    [InlineData("khong-co")]
    [InlineData("KHAI-SINH")]
    [InlineData("khai--sinh")]
    [InlineData("khai-sinh-")]
    [InlineData("%C4%91ang-ky")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task An_unknown_or_malformed_id_gets_a_polite_page_in_a_browser(string id)
    {
        using var response = await client.SendAsync(Browser($"/thu-tuc/{id}"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{ProcedurePageTexts.NotFoundTitle}</h1>", html);
        Assert.Contains($"<a class=\"action\" href=\"../thu-tuc\">{ProcedurePageTexts.AllProcedures}</a>", html);
        Assert.DoesNotContain(WebUtility.UrlDecode(id), html);
        Assert.False(ShownTexts.HasEnglish(Text(html)));
    }

    [Theory]
    [InlineData("khong-co", "Không có thủ tục mã \"khong-co\".")]
    [InlineData("KHAI-SINH", "Mã thủ tục chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, tối đa 64 ký tự.")]
    public async Task An_unknown_id_gets_a_problem_for_other_clients(string id, string detail)
    {
        using var response = await client.GetAsync($"/thu-tuc/{id}");
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProcedurePageTexts.NotFoundTitle, problem!.Title);
        Assert.Equal(detail, problem.Detail);
    }

    [Fact]
    public async Task A_long_id_is_refused_without_being_repeated()
    {
        var id = new string('a', ProcedurePages.MaxIdLength + 1);

        using var response = await client.GetAsync($"/thu-tuc/{id}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(id, body);
    }

    [Fact]
    public async Task A_page_is_cached_briefly_revalidated_by_etag_and_compressed()
    {
        using var first = await client.SendAsync(Browser("/thu-tuc/khai-sinh"));
        var tag = first.Headers.ETag!;
        using var again = Browser("/thu-tuc/khai-sinh");
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await client.SendAsync(again);
        using var compressed = Browser("/thu-tuc/khai-sinh");
        compressed.Headers.AcceptEncoding.ParseAdd("br");
        using var brotli = await client.SendAsync(compressed);
        var plain = await first.Content.ReadAsByteArrayAsync();

        Assert.True(tag.IsWeak);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(tag, brotli.Headers.ETag);
        var small = await brotli.Content.ReadAsByteArrayAsync();
        Assert.True(small.Length * 2 < plain.Length, $"{small.Length} bytes compressed, {plain.Length} plain");
    }

    [Fact]
    public async Task The_index_answers_a_head_request_with_its_validators()
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/thu-tuc"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
    }

    /// <summary>
    /// A commune website may link or frame the pages: nothing forbids a frame. They run no script and load nothing from
    /// another site, which the policy states so that an injected script or image would not run.
    /// </summary>
    [Theory]
    [InlineData("/thu-tuc")]
    [InlineData("/thu-tuc/khai-sinh")]
    [InlineData("/thu-tuc/khong-co")]
    public async Task Any_site_may_frame_the_pages_which_run_no_script(string path)
    {
        using var response = await client.SendAsync(Browser(path));
        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));

        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.DoesNotContain("frame-ancestors", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static HttpRequestMessage Browser(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return request;
    }

    /// <summary>An address of the public site as this test server's path.</summary>
    private static string Local(string url) =>
        url.StartsWith(ProcedurePagesHost.PublicUrl, StringComparison.Ordinal) ? "/" + url[ProcedurePagesHost.PublicUrl.Length..] : throw new InvalidOperationException(url);

    /// <summary>The page's text as a reader sees it: tags out, entities decoded.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " "));

    /// <summary>The text without the glossary's explanations in brackets: the facts as the files write them.</summary>
    private string Unexplained(string text) =>
        host.Catalog.Glossary.Aggregate(text, (facts, term) => facts.Replace($" ({term.Explanation})", "", StringComparison.Ordinal));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
