using System.Net;
using System.Text.RegularExpressions;
using OneStopBot.Bot.Tests.Staff;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// The workspace in a deployment of two communes: a clerk works in their own commune (its name in the header, its
/// villages, its records), a province administrator switches between communes (kept in the session) and sees them side
/// by side on "Các xã".
/// </summary>
public sealed class CommunesWorkspaceTests : IDisposable
{
    private readonly CommunesFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData(CommunesFactory.ClerkA, CommunesFactory.AName, CommunesFactory.A)]
    [InlineData(CommunesFactory.ClerkB, CommunesFactory.BName, CommunesFactory.B)]
    [InlineData(CommunesFactory.LeaderA, CommunesFactory.AName, CommunesFactory.A)]
    public async Task A_member_works_in_their_own_commune(string member, string communeName, string commune)
    {
        using var browser = await factory.Browser().SignedInAsync(member);

        var page = await browser.Client.GetStringAsync("/can-bo/so-lieu");

        Assert.Contains($"<h1>{communeName}</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("commune-switch", page, StringComparison.Ordinal);
        Assert.DoesNotContain("can-bo/cac-xa", page, StringComparison.Ordinal);
        Assert.Equal([commune], factory.CommunesOf("figures.view"));
    }

    [Fact]
    public async Task A_province_administrator_switches_commune_and_the_session_keeps_it()
    {
        using var browser = await factory.Browser().SignedInAsync(CommunesFactory.Province);
        var first = await browser.Client.GetStringAsync("/can-bo/so-lieu");
        Assert.Contains($"<h1>{CommunesFactory.AName}</h1>", first, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{CommunesFactory.A}\" selected>{CommunesFactory.AName}</option><option value=\"{CommunesFactory.B}\">", first, StringComparison.Ordinal);
        Assert.Contains("href=\"../can-bo/cac-xa\"", first, StringComparison.Ordinal);

        using var switched = await browser.PostFromAsync("/can-bo/hom-nay", "/can-bo/xa", ("xa", CommunesFactory.B), ("ve", "can-bo/so-lieu"));
        Assert.Equal(HttpStatusCode.SeeOther, switched.StatusCode);
        Assert.Equal("../can-bo/so-lieu", switched.Headers.Location?.OriginalString);

        // Every page after it, whatever link was followed, acts for the chosen commune.
        foreach (var path in new[] { "/can-bo/so-lieu", "/can-bo/thong-bao", "/can-bo/hom-nay" })
        {
            var page = await browser.Client.GetStringAsync(path);
            Assert.Contains($"<h1>{CommunesFactory.BName}</h1>", page, StringComparison.Ordinal);
        }
        Assert.Equal([CommunesFactory.A, CommunesFactory.B], factory.CommunesOf("figures.view"));
        Assert.Single(factory.Audited, a => a.Action == "commune.switch");
    }

    [Theory]
    [InlineData("https://ke-xau.example/", "../can-bo/hom-nay")]
    [InlineData("//ke-xau.example", "../can-bo/hom-nay")]
    [InlineData("can-bo/../../x", "../can-bo/hom-nay")]
    [InlineData("can-bo/ho-so", "../can-bo/ho-so")]
    public async Task The_switcher_only_sends_back_into_the_workspace(string back, string location)
    {
        using var browser = await factory.Browser().SignedInAsync(CommunesFactory.Province);

        using var switched = await browser.PostFromAsync("/can-bo/hom-nay", "/can-bo/xa", ("xa", CommunesFactory.B), ("ve", back));

        Assert.Equal(HttpStatusCode.SeeOther, switched.StatusCode);
        Assert.Equal(location, switched.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_communes_page_shows_every_commune_side_by_side_sorted_by_any_column()
    {
        using var browser = await factory.Browser().SignedInAsync(CommunesFactory.Province);

        var byName = await browser.Client.GetStringAsync("/can-bo/cac-xa?from=2026-01-01&to=2026-12-31");
        var backwards = await browser.Client.GetStringAsync("/can-bo/cac-xa?from=2026-01-01&to=2026-12-31&sap=ten&chieu=giam");

        // "xã Mẫu Hai" comes before "xã Phước Đức" in Vietnamese order, and after it the other way round.
        Assert.True(byName.IndexOf($"id=\"xa-{CommunesFactory.B}\"", StringComparison.Ordinal) < byName.IndexOf($"id=\"xa-{CommunesFactory.A}\"", StringComparison.Ordinal));
        Assert.True(backwards.IndexOf($"id=\"xa-{CommunesFactory.A}\"", StringComparison.Ordinal) < backwards.IndexOf($"id=\"xa-{CommunesFactory.B}\"", StringComparison.Ordinal));
        Assert.Contains("aria-sort=\"ascending\"><a href=\"../can-bo/cac-xa?from=2026-01-01&amp;to=2026-12-31&amp;sap=ten&amp;chieu=giam\">Xã ▲</a>", byName, StringComparison.Ordinal);
        Assert.Contains("sap=truc-tuyen&amp;chieu=giam\">Trực tuyến</a>", byName, StringComparison.Ordinal);
        Assert.Contains("2 xã, từ 01/01/2026 đến 31/12/2026.", byName, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(byName, "<button type=\"submit\">Xem xã này</button>"));
    }

    [Theory]
    [InlineData("sap=khong-co&chieu=ngang")]
    [InlineData("sap=%3Cscript%3E")]
    [InlineData("sap=hai-long&chieu=tang")]
    public async Task Any_sort_asked_for_still_shows_the_table(string query)
    {
        using var browser = await factory.Browser().SignedInAsync(CommunesFactory.Province);

        var response = await browser.Client.GetAsync("/can-bo/cac-xa?" + query);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"xa-{CommunesFactory.A}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommunesFactory.ClerkB, CommunesFactory.BVillage, "Thôn 1")]
    [InlineData(CommunesFactory.ClerkA, "Thôn 1", CommunesFactory.BVillage)]
    public async Task A_broadcast_offers_the_commune_s_own_villages(string member, string offered, string notOffered)
    {
        using var browser = await factory.Browser().SignedInAsync(member);

        var page = await browser.Client.GetStringAsync("/can-bo/thong-bao");

        Assert.Contains($"name=\"village\" value=\"{offered}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{notOffered}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommunesFactory.LeaderA, new[] { CommunesFactory.ClerkA }, new[] { CommunesFactory.ClerkB, CommunesFactory.Province })]
    [InlineData(CommunesFactory.Province, new[] { CommunesFactory.ClerkA, CommunesFactory.ClerkB, CommunesFactory.LeaderA }, new string[0])]
    public async Task A_leader_manages_their_own_commune_s_accounts(string leader, string[] listed, string[] hidden)
    {
        using var browser = await factory.Browser().SignedInAsync(leader);

        var page = await browser.Client.GetStringAsync("/can-bo/tai-khoan");

        Assert.All(listed, user => Assert.Contains($"can-bo/tai-khoan/{user}/khoa", page, StringComparison.Ordinal));
        Assert.All(hidden, user => Assert.DoesNotContain($" · {user} · ", page, StringComparison.Ordinal));
    }
}
