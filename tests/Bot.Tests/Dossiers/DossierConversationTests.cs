using System.Text.RegularExpressions;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.Tests.Staff;

namespace OneStopBot.Bot.Tests.Dossiers;

/// <summary>Residents over <c>/api/messages</c>, as a new user would: pre-register, then look the dossier up.</summary>
public sealed partial class DossierConversationTests : IDisposable
{
    private readonly StaffApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>Answers every question up to the summary.</summary>
    private static async Task FillInAsync(ConnectorUser user, string phone)
    {
        Assert.Contains("thủ tục gì", (await user.SayAsync("Nộp hồ sơ trước")).Texts(), StringComparison.Ordinal);
        Assert.Contains("Họ và tên", (await user.SayAsync("khai sinh")).Texts(), StringComparison.Ordinal);
        Assert.Contains("Số điện thoại", (await user.SayAsync("Hồ Thị Lan")).Texts(), StringComparison.Ordinal);
        Assert.Contains("thôn nào", (await user.SayAsync(phone)).Texts(), StringComparison.Ordinal);
        Assert.Contains("ngày nào", (await user.SayAsync("Thôn 2")).Texts(), StringComparison.Ordinal);
        Assert.Contains("Số căn cước", (await user.SayAsync("thứ hai")).Texts(), StringComparison.Ordinal);
        // The resident's own number in full, so that a typo can be seen before sending.
        Assert.Contains("Điện thoại: " + phone, (await user.SayAsync("Bỏ qua")).Texts(), StringComparison.Ordinal);
    }

    /// <summary>The message that is the code alone; Markdown escapes the dot that would make "000." a list.</summary>
    private static string CodeIn(IReadOnlyList<Microsoft.Bot.Schema.Activity> replies) =>
        replies.Select(r => r.Text.Replace(@"\.", ".", StringComparison.Ordinal)).FirstOrDefault(Code().IsMatch)
            ?? throw new Xunit.Sdk.XunitException("No message with the code alone in: " + replies.Texts());

    [Fact]
    public async Task A_resident_pre_registers_and_looks_the_dossier_up_and_a_stranger_must_verify_first()
    {
        using var client = factory.CreateClient();
        var resident = new ConnectorUser(client, "resident-chat", "resident");
        await FillInAsync(resident, "0912345621");
        var code = CodeIn(await resident.SayAsync("Gửi"));
        Assert.Equal("000.32.30.H49-261126-0001", code);

        var own = (await resident.SayAsync("tra cứu hồ sơ " + code)).Texts();
        Assert.Contains("Trạng thái: Đã đăng ký trước.", own, StringComparison.Ordinal);

        var stranger = new ConnectorUser(client, "stranger-chat", "stranger");
        var found = (await stranger.SayAsync("tra cứu hồ sơ 261126-0001")).Texts();
        Assert.Contains("Em tìm thấy hồ sơ mã " + code, found, StringComparison.Ordinal);
        Assert.DoesNotContain("Trạng thái", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Lan", found, StringComparison.Ordinal);
        Assert.Contains("chưa đúng", (await stranger.SayAsync("1111")).Texts(), StringComparison.Ordinal);
        Assert.Contains("Trạng thái: Đã đăng ký trước.", (await stranger.SayAsync("5621")).Texts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_from_one_chat_are_refused_for_a_while()
    {
        using var client = factory.CreateClient();
        var guesser = new ConnectorUser(client, "guesser-chat", "guesser");
        await guesser.SayAsync("Tra cứu hồ sơ");
        for (var i = 1; i <= 5; i++)
        {
            Assert.Contains("Em không tìm thấy", (await guesser.SayAsync($"261126-{i:D4}")).Texts(), StringComparison.Ordinal);
        }
        Assert.Contains("thử sai nhiều lần", (await guesser.SayAsync("261126-0006")).Texts(), StringComparison.Ordinal);
        Assert.Contains("thử sai nhiều lần", (await guesser.SayAsync("Tra cứu hồ sơ")).Texts(), StringComparison.Ordinal);

        factory.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Contains("Anh/chị gõ mã hồ sơ", (await guesser.SayAsync("Tra cứu hồ sơ")).Texts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chats_submitting_at_the_same_time_never_share_a_code()
    {
        using var client = factory.CreateClient();
        var residents = Enumerable.Range(1, 8)
            .Select(i => new ConnectorUser(client, $"chat-{i}", $"resident-{i}"))
            .ToList();
        await Task.WhenAll(residents.Select((user, i) => FillInAsync(user, $"09123456{i:D2}")));

        // Every chat confirms at once.
        var replies = await Task.WhenAll(residents.Select(user => user.SayAsync("Gửi")));

        var codes = replies.Select(CodeIn).ToList();
        Assert.Equal(residents.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            Enumerable.Range(1, residents.Count).Select(n => $"000.32.30.H49-261126-{n:D4}"),
            codes.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^000\.32\.30\.H49-\d{6}-\d{4}$")]
    private static partial Regex Code();
}
