using System.Net;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Tests.StaffWeb;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// Markup sent by residents, other systems or a careless configuration through every field that reaches a workspace
/// page (a name, a status note, feedback, a rating's comment, a question for staff, an unanswered question, the
/// resident's chat, a staff member's name, the search box) is shown as text, never run.
/// </summary>
public sealed class WorkspaceXssAttackTests : IDisposable
{
    private const string Payload = "\"'><script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>";

    private readonly WorkspaceFactory factory = new();

    public WorkspaceXssAttackTests()
    {
        factory.Settings["Staff:Members:3:Channel"] = "webchat";
        factory.Settings["Staff:Members:3:UserId"] = "ke-xau";
        factory.Settings["Staff:Members:3:Name"] = Payload;
        factory.Settings["Staff:Members:3:PasswordHash"] = factory.Settings["Staff:Members:0:PasswordHash"];
    }

    [Fact]
    public async Task Markup_in_every_field_is_shown_as_text_on_every_page()
    {
        var dossier = await factory.FromChatAsync();
        var dossiers = factory.Get<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName);
        // A name as another system might store it: the chat's own validation is not what protects the page.
        dossiers.Update((await factory.Get<IDossierStore>().FindAsync(dossier.Code))! with { ApplicantName = Payload });
        await factory.Get<DossierUpdates>().ChangeStatusAsync(dossier.Code, DossierStatus.Received, Payload, null);
        await factory.Get<DossierUpdates>().ChangeStatusAsync(dossier.Code, DossierStatus.SupplementRequested, "api", Payload);
        var resident = new ChatAddress("webchat", "dl_resident", "conversation-of-the-resident");
        factory.Get<IFeedbackStore>().Add(resident, Payload);
        factory.Get<IRatingStore>().Add(resident, Satisfaction.Neutral, comment: Payload);
        factory.Get<IHandoffStore>().Create(resident, Payload);
        factory.Get<IUnansweredQuestionStore>().Record(Payload, new ChatAddress("webchat", "dl_resident", "conversation-of-the-resident"));
        var transcripts = factory.Get<DirectLineTranscripts>();
        transcripts.Create(new StoredConversation { Id = resident.ConversationId, UserId = resident.UserId, LastActive = factory.Time.GetUtcNow().UtcDateTime });
        transcripts.Append(resident.ConversationId, 0, Newtonsoft.Json.JsonConvert.SerializeObject(new { type = "message", from = new { id = "dl_resident", role = "user" }, text = Payload }), 200, factory.Time.GetUtcNow());
        factory.Time.Advance(TimeSpan.FromDays(10));
        using var attacker = await factory.Browser().SignedInAsync("ke-xau");
        using var leader = await factory.Browser().SignedInAsync(WorkspaceFactory.Leader);

        var pages = new Dictionary<string, string>
        {
            ["hom-nay"] = await leader.Client.GetStringAsync("/can-bo/hom-nay"),
            ["ho-so"] = await leader.Client.GetStringAsync("/can-bo/ho-so?q=" + Uri.EscapeDataString(Payload)),
            ["ho-so theo trang thai"] = await leader.Client.GetStringAsync("/can-bo/ho-so?status=supplementRequested"),
            ["ho-so/ma"] = await leader.Client.GetStringAsync("/can-bo/ho-so/" + dossier.Code),
            ["gop-y"] = await leader.Client.GetStringAsync("/can-bo/gop-y"),
            ["gop-y theo nguoi"] = await leader.Client.GetStringAsync("/can-bo/gop-y?nguoi=" + Uri.EscapeDataString(Payload)),
            ["tai-khoan"] = await leader.Client.GetStringAsync("/can-bo/tai-khoan"),
            ["hom-nay cua ke xau"] = await attacker.Client.GetStringAsync("/can-bo/hom-nay"),
        };

        foreach (var (name, html) in pages)
        {
            Assert.False(html.Contains("<script>alert", StringComparison.OrdinalIgnoreCase), name);
            Assert.False(html.Contains("<img src=x", StringComparison.OrdinalIgnoreCase), name);
            Assert.False(html.Contains("<svg", StringComparison.OrdinalIgnoreCase), name);
            Assert.False(html.Contains("\"'>", StringComparison.Ordinal), name);
        }
        Assert.Contains("&lt;script&gt;", pages["hom-nay"]);
        Assert.Contains("&lt;script&gt;", pages["ho-so/ma"]);
        Assert.Contains("&lt;script&gt;", pages["gop-y"]);
        Assert.Contains("&lt;script&gt;", pages["tai-khoan"]);
        Assert.Contains("&lt;script&gt;", pages["hom-nay cua ke xau"]);
    }

    [Fact]
    public async Task A_dossier_code_with_markup_in_the_address_is_a_plain_404()
    {
        using var clerk = await factory.Browser().SignedInAsync(WorkspaceFactory.Clerk);

        using var response = await clerk.Client.GetAsync("/can-bo/ho-so/" + Uri.EscapeDataString(Payload));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html);
    }

    public void Dispose() => factory.Dispose();
}
