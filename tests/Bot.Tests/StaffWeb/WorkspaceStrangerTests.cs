using System.Net;
using OneStopBot.Bot.StaffWeb;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>
/// Every page and action of the workspace turns a stranger away. Nobody signs in here and nothing changes, so the
/// tests share one host.
/// </summary>
public sealed class WorkspaceStrangerTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    public static TheoryData<string> Pages() => new(StaffMenu.Items.Select(item => "/can-bo/" + item.Slug).Append("/can-bo/ho-so/000.32.30.H49-261126-0001"));

    public static TheoryData<string> Actions() => new(
        "/can-bo/dang-xuat", "/can-bo/ho-so/000.32.30.H49-261126-0001/trang-thai", "/can-bo/ho-so/000.32.30.H49-261126-0001/mo-khoa",
        "/can-bo/tai-khoan/tu/khoa", "/can-bo/tai-khoan/tu/mo", "/can-bo/tai-khoan/tu/mat-khau", "/can-bo/lenh/token");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_sends_a_stranger_to_the_sign_in_page(string page)
    {
        using var browser = factory.Browser();

        using var response = await browser.Client.GetAsync(page);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/can-bo", new Uri(new Uri("http://localhost" + page), response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Every_action_refuses_a_stranger_and_changes_nothing(string action)
    {
        using var browser = factory.Browser();
        var before = factory.Get<IStaffAuditLog>().Recent(1000).Count;

        using var response = await browser.Client.PostAsync(action, Workspace.Form(null, ("status", "received")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, factory.Get<IStaffAuditLog>().Recent(1000).Count);
    }
}
