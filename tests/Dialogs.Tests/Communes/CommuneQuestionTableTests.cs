using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Communes;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Tests.Infrastructure;
using static OneStopBot.Dialogs.Tests.Communes.TwoCommunes;

namespace OneStopBot.Dialogs.Tests.Communes;

/// <summary>
/// A chat on a channel several communes share (one provincial Zalo OA): the resident says their commune once. Turns
/// separated by " | "; what the last turn's replies hold, in order, and the buttons under its first reply.
/// </summary>
public sealed class CommuneQuestionTableTests : IDisposable
{
    private const string Asked = "Anh/chị ở xã nào?";
    private const string NotedPhuocDuc = "Dạ, em ghi nhận anh/chị ở xã Phước Đức.";
    private const string NotedSuoiMay = "Dạ, em ghi nhận anh/chị ở xã Suối Mây.";
    private const string NotedPhuocThanh = "Dạ, em ghi nhận anh/chị ở xã Phước Thành.";
    private const string All = "xã Phước Đức, xã Suối Mây, xã Phước Thành";

    private readonly ConversationHarness harness = new(settings: Settings);

    public void Dispose() => harness.Dispose();

    public static TheoryData<string, string, string> Rows => new()
    {
        // The first message asks the commune, offering the few there are; the question waits.
        { "làm giấy khai sinh cần gì", Asked, All },
        // Typed without diacritics, with the tier or without, with a typo: the question that waited is answered.
        { "làm giấy khai sinh cần gì | phuoc duc", NotedPhuocDuc + " || khai sinh", "" },
        { "xin chào | xa suoi may", NotedSuoiMay + " || " + SuoiMayOffice, "" },
        { "xin chào | Xã Suối Mây", NotedSuoiMay + " || " + SuoiMayOffice, "" },
        { "xin chào | suoi mayy", NotedSuoiMay + " || " + SuoiMayOffice, "" },
        { "so dien thoai cua xa | toi o xa suoi may", NotedSuoiMay + " || " + SuoiMayPhone, "" },
        // A button pressed, or its number.
        { "xin chào | 3", NotedPhuocThanh, "" },
        // Two communes fit what was typed: the likely ones as buttons, then the one picked.
        { "xin chào | phuoc", CommuneTexts.PickLikely, "xã Phước Đức, xã Phước Thành" },
        { "xin chào | phuoc | 2", NotedPhuocThanh, "" },
        { "xin chào | phuoc | thanh", NotedPhuocThanh, "" },
        // None fits: asked again, nothing invented.
        { "xin chào | ha noi", TextTemplate.Fill(CommuneTexts.NotFound, "xã Phước Đức"), All },
        // Known once, kept: no question again.
        { "xin chào | suoi may | số điện thoại của xã", SuoiMayPhone, "" },
        // "đổi xã" changes it, with or without diacritics, or straight to the one named.
        { "xin chào | suoi may | doi xa", TextTemplate.Fill(CommuneTexts.AskChange, "xã Phước Đức"), All },
        { "xin chào | suoi may | đổi xã | phuoc duc | số điện thoại của xã", PhuocDucPhone, "" },
        { "xin chào | suoi may | Đổi xã Phước Đức", NotedPhuocDuc, "" },
        // A dossier code's agency code says the commune: no question, and later turns are that commune's.
        { "tra cứu hồ sơ " + SuoiMayAgency + "-261126-0009", "Em không tìm thấy hồ sơ mã " + SuoiMayAgency + "-261126-0009", "" },
        { "tra cứu hồ sơ " + SuoiMayAgency + "-261126-0009 | số điện thoại của xã", SuoiMayPhone, "" },
        // A code without its agency says nothing of the commune: asked.
        { "tra cứu hồ sơ 261126-0009", Asked, All },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_resident_says_their_commune_once(string turns, string expected, string buttons)
    {
        IReadOnlyList<IMessageActivity> replies = [];
        foreach (var turn in turns.Split(" | "))
        {
            replies = await harness.SayAsync(turn);
        }
        var said = string.Join("\n", replies.Select(r => r.Text));
        var at = 0;
        foreach (var part in expected.Split(" || "))
        {
            var found = said.IndexOf(part, at, StringComparison.OrdinalIgnoreCase);
            Assert.True(found >= 0, $"\"{part}\" not in: {said}");
            at = found + part.Length;
        }
        if (buttons.Length > 0)
        {
            Assert.Equal(buttons.Split(", "), replies[0].SuggestedActions?.Actions.Select(a => a.Title) ?? []);
        }
    }

    [Fact]
    public async Task A_resident_joining_a_shared_channel_is_greeted_and_asked_their_commune()
    {
        await harness.Flow()
            .Send(new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("user1")] })
            .AssertReply(activity => Assert.StartsWith(CommuneTexts.Welcome + " " + Asked, ((IMessageActivity)activity).Text, StringComparison.Ordinal))
            .Send("suoi may")
            .AssertReplyWithButtons(NotedSuoiMay + " Muốn đổi xã, anh/chị gõ \"đổi xã\".\n" + CommuneTexts.WhatNext, "Hỏi thủ tục", "Tra cứu hồ sơ", "Nộp hồ sơ trước", "Gặp cán bộ")
            .StartTestAsync();
    }
}
