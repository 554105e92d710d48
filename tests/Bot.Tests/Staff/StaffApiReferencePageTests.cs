using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using OneStopBot.Bot.Staff;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary>The API reference page: a browser without the key gets a page asking for it; nothing points outside the host.</summary>
public sealed class StaffApiReferencePageTests : IClassFixture<StaffApiFactory>
{
    private static readonly Regex AbsoluteUrl = new(@"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

    private readonly StaffApiFactory factory;

    public StaffApiReferencePageTests(StaffApiFactory factory) => this.factory = factory;

    [Fact]
    public async Task A_browser_without_the_key_gets_a_page_asking_for_it_in_vietnamese()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scalar/v1");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(StaffApiReferencePage.Title, html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("Staff:ApiKey", html, StringComparison.Ordinal);
        Assert.Empty(AbsoluteUrl.Matches(html));
    }

    [Fact]
    public async Task A_program_without_the_key_still_gets_a_problem_details()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_reference_served_with_the_key_loads_nothing_from_another_host()
    {
        using var client = factory.CreateStaffClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var html = await client.GetStringAsync("/scalar/v1");

        Assert.Empty(AbsoluteUrl.Matches(html));
        Assert.Contains("\"withDefaultFonts\":false", html.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
