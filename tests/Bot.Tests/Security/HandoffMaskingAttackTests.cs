using System.Net.Http.Json;
using System.Text;
using LiteDB;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Tests.DirectLine;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// "Gặp cán bộ" with a phone or ID number written the ways that once slipped through: what staff receive, the
/// question kept for them and the web chat transcript kept in the database all show the number masked.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class HandoffMaskingAttackTests(SecurityHost host)
{
    [Theory]
    [InlineData("0912*345*678", "09******78")]
    [InlineData("0912~345;678", "09******78")]
    [InlineData("0912|345'678", "09******78")]
    [InlineData("0912·345•678", "09******78")]
    [InlineData("0912#345+678", "09******78")]
    [InlineData("0912:345=678", "09******78")]
    [InlineData("001*203*004*005", "00********05")]
    [InlineData("09l2345678", "09******78")]
    [InlineData("０９１２３４５６７８", "09******78")]
    public async Task A_number_sent_to_staff_reaches_them_and_the_records_masked(string number, string masked)
    {
        var staff = await SignedInStaffAsync();
        var resident = new Visitor(host.FromElsewhere());
        await resident.StartAsync();
        await resident.SayAsync("Gặp cán bộ");

        var answer = await resident.SayAsync($"em hỏi hồ sơ 000.32.30.H49-261125-0003, sdt {number} nhé");

        var handoff = host.Get<OfficeDatabase>().Collection<Handoff>(HandoffStore.CollectionName).FindAll()
            .Single(h => h.Resident.UserId == resident.UserId);
        Assert.Contains("mã " + handoff.Id, answer, StringComparison.Ordinal);
        var forwarded = Assert.Single(host.DeliveriesTo(staff.UserId), d => d.Contains(handoff.Id, StringComparison.Ordinal));
        Assert.Contains($"sdt {masked} nhé", forwarded, StringComparison.Ordinal);
        Assert.Equal($"em hỏi hồ sơ 000.32.30.H49-261125-0003, sdt {masked} nhé", handoff.Question);
        var transcript = host.Get<OfficeDatabase>().Collection<BsonDocument>(DirectLineTranscripts.ActivitiesCollection).FindAll()
            .Select(d => d.ToString()).Where(d => d.Contains("261125-0003", StringComparison.Ordinal)).ToList();
        Assert.Contains(transcript, d => d.Contains($"sdt {masked} nhé", StringComparison.Ordinal));
        foreach (var kept in new[] { forwarded, handoff.Question })
        {
            Assert.DoesNotContain(Digits(number)[2..^2], Digits(kept), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_residents_next_message_is_kept_for_the_clerk_following_the_handoff_with_its_number_masked()
    {
        await SignedInStaffAsync();
        var resident = new Visitor(host.FromElsewhere());
        await resident.StartAsync();
        await resident.SayAsync("Gặp cán bộ");
        await resident.SayAsync("Cho hỏi giấy khai sinh");

        await resident.SayAsync("Gọi lại giúp em số 0912.345.678");

        var store = host.Get<IHandoffStore>();
        var handoff = store.Open(1000).Single(h => h.Resident.UserId == resident.UserId);
        var kept = Assert.Single(store.Messages(handoff.Id, 0, 10));
        Assert.Equal("Gọi lại giúp em số 09******78", kept.Text);
        Assert.Null(kept.StaffName);
    }

    /// <summary>Staff member Hoa signed in on the web chat and known to the bot, so that questions are forwarded to her.</summary>
    private async Task<Visitor> SignedInStaffAsync()
    {
        using var response = await host.FromElsewhere().PostAsJsonAsync(
            DirectLineClient.Base + StaffSignIn.Route, new { user = SecurityHost.WebChatStaff, password = SecurityHost.StaffPasswordText });
        var staff = new Visitor(host.FromElsewhere());
        await staff.StartAsync(JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("token"));
        await staff.SayAsync("xin chào");
        return staff;
    }

    /// <summary>The digits of a text as a reader takes them: full-width digits are digits, l stands for 1.</summary>
    private static string Digits(string text)
    {
        var digits = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c) || c == 'l')
            {
                digits.Append(c == 'l' ? '1' : c);
            }
        }
        return digits.ToString();
    }
}
