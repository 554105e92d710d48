using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStopBot.Bot.Tests.Staff;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// A clerk of one commune reaching for another's records, figures, villages or accounts (by the switcher, by a query,
/// by a dossier code, by an account name), and the staff API asked for one commune's dossier within another: each is
/// refused or acts for the clerk's own commune only.
/// </summary>
public sealed class CommuneStaffAttackTests : IDisposable
{
    private readonly CommunesFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_clerk_cannot_switch_to_another_commune()
    {
        using var clerk = await factory.Browser().SignedInAsync(CommunesFactory.ClerkA);

        using var response = await clerk.PostFromAsync("/can-bo/hom-nay", "/can-bo/xa", ("xa", CommunesFactory.B), ("ve", "can-bo/so-lieu"));
        var after = await clerk.Client.GetStringAsync("/can-bo/so-lieu");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không có xã này, hoặc anh/chị không làm việc cho xã này.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"<h1>{CommunesFactory.AName}</h1>", after, StringComparison.Ordinal);
        Assert.Equal([CommunesFactory.A], factory.CommunesOf("figures.view"));
        Assert.DoesNotContain(factory.Audited, a => a.Action == "commune.switch");
    }

    [Theory]
    [InlineData("/can-bo/so-lieu?commune=mau-hai")]
    [InlineData("/can-bo/so-lieu?xa=mau-hai")]
    public async Task A_clerk_naming_another_commune_in_the_address_still_sees_only_their_own(string path)
    {
        using var clerk = await factory.Browser().SignedInAsync(CommunesFactory.ClerkA);

        using var response = await clerk.Client.GetAsync(path);

        Assert.DoesNotContain(CommunesFactory.BName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(factory.CommunesOf("figures.view"), commune => Assert.Equal(CommunesFactory.A, commune));
    }

    [Theory]
    [InlineData(CommunesFactory.ClerkA)]
    [InlineData(CommunesFactory.LeaderA)]
    public async Task Only_the_province_sees_the_communes_side_by_side(string member)
    {
        using var browser = await factory.Browser().SignedInAsync(member);

        using var response = await browser.Client.GetAsync("/can-bo/cac-xa");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(CommunesFactory.BName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(factory.CommunesOf("communes.view"));
    }

    [Fact]
    public async Task A_clerk_cannot_broadcast_to_another_commune_s_village()
    {
        using var clerk = await factory.Browser().SignedInAsync(CommunesFactory.ClerkA);

        using var response = await clerk.PostFromAsync("/can-bo/thong-bao", "/can-bo/thong-bao", ("text", "Họp dân tối nay."), ("village", CommunesFactory.BVillage));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var notices = factory.Get<OneStopBot.Office.Storage.INoticeStore>();
        Assert.All(factory.Get<OneStopBot.Office.Communes.CommuneContext>().ForEach(_ => notices.Latest(10)), each => Assert.Empty(each.Result));
    }

    [Theory]
    [InlineData("khoa")]
    [InlineData("mat-khau")]
    public async Task A_leader_cannot_lock_or_reset_another_commune_s_clerk(string action)
    {
        using var leader = await factory.Browser().SignedInAsync(CommunesFactory.LeaderA);

        using var response = await leader.PostFromAsync("/can-bo/tai-khoan", $"/can-bo/tai-khoan/{CommunesFactory.ClerkB}/{action}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var other = factory.Browser();
        using var signIn = await other.SignInAsync(CommunesFactory.ClerkB);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/staff/dossiers/000.00.00.M02-261126-0001?commune=phuoc-duc")]
    [InlineData("PATCH", "/api/staff/dossiers/000.00.00.M02-261126-0001?commune=phuoc-duc")]
    [InlineData("POST", "/api/staff/dossiers/000.00.00.M02-261126-0001/unlock?commune=phuoc-duc")]
    [InlineData("GET", "/api/staff/dossiers/000.32.30.H49-261126-0001?commune=mau-hai")]
    public async Task A_dossier_code_of_another_commune_is_not_found_there(string method, string path)
    {
        using var client = factory.CreateStaffClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "PATCH" ? JsonContent.Create(new { status = "resultReady" }) : null };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy hồ sơ", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]);
        Assert.Empty(factory.Audited);
    }
}
