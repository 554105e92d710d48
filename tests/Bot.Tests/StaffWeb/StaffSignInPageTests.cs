using System.Net;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.Tests.WebChat;

namespace OneStopBot.Bot.Tests.StaffWeb;

public sealed class StaffSignInPageTests : IClassFixture<WebChatFactory>
{
    private readonly HttpClient client;

    public StaffSignInPageTests(WebChatFactory factory)
    {
        factory.Settings["Office:CommuneName"] = "xã Thử Nghiệm";
        client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task The_page_is_a_plain_form_with_its_token_posted_to_this_host_and_loads_everything_from_it()
    {
        using var response = await client.GetAsync(StaffSignInPage.Path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>xã Thử Nghiệm</h1>", html);
        Assert.Contains($"<label for=\"user\">{StaffSignInTexts.NameLabel}</label>", html);
        Assert.Contains("type=\"password\" autocomplete=\"current-password\"", html);
        Assert.Contains("<form id=\"sign-in\" class=\"sign-in\" method=\"post\" action=\"can-bo/dang-nhap\">", html);
        Assert.Matches("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"[^\"]+\">", html);
        // No script at all: the form works as HTML. Relative, hashed, and never from the internet.
        Assert.DoesNotContain("<script", html);
        Assert.Matches("<link rel=\"stylesheet\" href=\"can-bo/staff\\.[a-z0-9]{6,}\\.css\">", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    /// <summary>A sign-in page in another site's hidden frame invites clickjacking; and the page is never kept by a cache.</summary>
    [Fact]
    public async Task No_other_site_may_frame_the_page_and_no_cache_keeps_it()
    {
        using var response = await client.GetAsync(StaffSignInPage.Path);

        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_address_with_a_slash_goes_to_the_page_so_its_relative_links_resolve()
    {
        using var response = await client.GetAsync(StaffSignInPage.Path + "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StaffSignInPage.Path, new Uri(new Uri("http://host" + StaffSignInPage.Path + "/"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_staff_files_are_served_by_the_host()
    {
        foreach (var (path, type) in new[] { ("/can-bo/staff.js", "text/javascript"), ("/can-bo/staff.css", "text/css") })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }
    }
}
