using System.Net;
using System.Text.Json.Nodes;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Bot.Tests.Staff;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// Records of every kind (a pre-registered dossier, feedback, a rated dossier's comment, a question the bot could not
/// answer, a resident waiting for a person) in two communes: each workspace page a clerk opens shows their commune's and
/// nothing of the other's, the feedback page offers only the people who may act for the commune, and the staff chat
/// ("Khung lệnh") acts for the commune the workspace shows.
/// </summary>
public sealed class CommuneWorkspaceIsolationTests(CommunesFactory factory) : IClassFixture<CommunesFactory>
{
    // What each commune's records say, written so that a page showing one is easy to find.
    private const string AMark = "riêng của xã Phước Đức";
    private const string BMark = "riêng của xã Mẫu Hai";
    private const string AName = "Hồ Thị Lan";
    private const string BName = "Kpă Thị Bí";
    private const string BPhone = "0987654399";

    private static readonly SemaphoreSlim Seeding = new(1, 1);

    public static TheoryData<string> Pages() =>
    [
        "/can-bo/hom-nay", "/can-bo/ho-so", $"/can-bo/ho-so?q={BPhone}", "/can-bo/ho-so?q=kpa", "/can-bo/cau-hoi",
        "/can-bo/thong-bao", "/can-bo/gap-can-bo", "/can-bo/so-lieu", "/can-bo/gop-y", "/can-bo/dong-bo", "/can-bo/lenh",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_clerk_s_pages_show_nothing_of_another_commune_s_records(string page)
    {
        await SeedAsync();
        using var clerk = await factory.Browser().SignedInAsync(CommunesFactory.ClerkA);

        var html = await clerk.Client.GetStringAsync(page);

        Assert.DoesNotContain(BMark, html, StringComparison.Ordinal);
        Assert.DoesNotContain(BName, html, StringComparison.Ordinal);
        // As lists show a phone; the search box shows back what was typed.
        Assert.DoesNotContain(Masking.Phone(BPhone), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_commune_s_own_records_are_on_its_clerk_s_pages()
    {
        await SeedAsync();
        using var clerk = await factory.Browser().SignedInAsync(CommunesFactory.ClerkA);

        var pages = await Task.WhenAll(((IEnumerable<object[]>)Pages()).Select(row => clerk.Client.GetStringAsync((string)row[0])));
        var all = string.Concat(pages);

        // Each kind of record shows somewhere, so the pages above were not empty by accident.
        Assert.Contains(AName, all, StringComparison.Ordinal);
        Assert.Contains("Góp ý " + AMark, all, StringComparison.Ordinal);
        Assert.Contains("Đánh giá " + AMark, all, StringComparison.Ordinal);
        Assert.Contains("Câu hỏi " + AMark, all, StringComparison.Ordinal);
        Assert.Contains("Gặp cán bộ " + AMark, all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommunesFactory.A, AMark, BMark)]
    [InlineData(CommunesFactory.B, BMark, AMark)]
    public async Task The_staff_api_s_questions_of_a_commune_are_its_own(string commune, string own, string other)
    {
        await SeedAsync();
        using var client = factory.CreateStaffClient();

        var body = await client.GetStringAsync($"/api/staff/questions?commune={commune}");

        Assert.Contains("Câu hỏi " + own, body, StringComparison.Ordinal);
        Assert.DoesNotContain(other, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feedback_page_offers_only_the_people_who_may_act_for_the_commune()
    {
        using var clerk = await factory.Browser().SignedInAsync(CommunesFactory.ClerkA);

        var html = await clerk.Client.GetStringAsync("/can-bo/gop-y");
        var options = System.Text.RegularExpressions.Regex.Matches(html, "<option value=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

        Assert.Equal(["", "Chị Hoa", "Anh Lân", "Anh Tỉnh", "api"], options);
        Assert.DoesNotContain("Chị Mai", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommunesFactory.Province, CommunesFactory.B, CommunesFactory.B)]
    [InlineData(CommunesFactory.Province, CommunesFactory.A, CommunesFactory.A)]
    // A clerk cannot switch: their chat stays their own commune's whatever they ask.
    [InlineData(CommunesFactory.ClerkA, CommunesFactory.B, CommunesFactory.A)]
    public async Task The_staff_chat_acts_for_the_commune_the_workspace_shows(string member, string switchTo, string expected)
    {
        using var browser = await factory.Browser().SignedInAsync(member);
        using (await browser.PostFromAsync("/can-bo/hom-nay", "/can-bo/xa", ("xa", switchTo), ("ve", "can-bo/lenh")))
        {
        }
        var antiforgery = System.Text.RegularExpressions.Regex.Match(await browser.Client.GetStringAsync("/can-bo/lenh"), "data-antiforgery=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/can-bo/lenh/token");
        request.Headers.Add(StaffSessions.AntiforgeryHeader, WebUtility.HtmlDecode(antiforgery));

        using var response = await browser.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversationId = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["conversationId"];
        Assert.Equal(expected, factory.Get<DirectLineConversations>().Find(conversationId!)?.Commune);
    }

    // Once per host: each commune gets one record of every kind that a workspace page lists.
    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            var dossiers = factory.Get<DossierDesk>();
            using (factory.Get<CommuneContext>().Enter(factory.CommuneB))
            {
                if (!await dossiers.IsEmptyAsync())
                {
                    return;
                }
            }
            await SeedOneAsync(factory.CommuneA, AName, "0912345621", "Thôn 1", AMark);
            await SeedOneAsync(factory.CommuneB, BName, BPhone, CommunesFactory.BVillage, BMark);
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task SeedOneAsync(Commune commune, string name, string phone, string village, string mark)
    {
        using var scope = factory.Get<CommuneContext>().Enter(commune);
        var resident = new ChatAddress("webchat", "dan-" + commune.Id, "conv-" + commune.Id);
        var tomorrow = factory.Get<OneStopBot.Office.Calendar.WorkingCalendar>().Today.AddDays(1);
        var dossier = (await factory.Get<DossierDesk>().PreRegisterAsync(new NewDossier
        {
            ProcedureId = "khai-sinh", ApplicantName = name, Phone = phone, Village = village, Owner = resident, WorkingDays = 3,
            AppointmentDate = tomorrow,
        }));
        factory.Get<FeedbackStore>().Add(resident, "Góp ý " + mark);
        factory.Get<RatingStore>().Add(resident, Satisfaction.Neutral, dossier.Code, "Đánh giá " + mark);
        factory.Get<UnansweredQuestionStore>().Record("Câu hỏi " + mark, resident);
        factory.Get<HandoffStore>().Create(resident, "Gặp cán bộ " + mark);
    }
}
