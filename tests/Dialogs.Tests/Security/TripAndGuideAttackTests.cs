using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Dossiers;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Tests.Security;

/// <summary>
/// Hostile or odd messages against the trip answers and the online-first offer: answered with fixed texts, nothing of
/// the message echoed, no wrong name filed, bounded work on a long message.
/// </summary>
public sealed class TripAndGuideAttackTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task The_online_button_typed_as_a_name_for_a_procedure_not_filed_online_is_never_filed_as_the_name()
    {
        await harness.SayAsync("Nộp hồ sơ trước");
        await harness.SayAsync("chứng thực bản sao");

        var replies = await harness.SayAsync(ProcedureTexts.OnlineButton);

        Assert.Equal(PreRegisterTexts.AskName, Assert.Single(replies).Text);
        await harness.SayAsync("Hồ Thị Lan");
        var summaryFlow = await harness.SayAsync("0912345621");
        Assert.DoesNotContain(summaryFlow, r => r.Text.Contains("Làm Trực Tuyến", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await harness.Get<DossierDesk>().ListByOwnerAsync(Chats.Channel, Chats.User));
    }

    [Theory]
    [InlineData("nộp qua bưu điện <script>alert(1)</script> [bấm](http://evil.example) được không")]
    [InlineData("nha xa, co cach nao khoi di ko ![x](http://evil.example/x.png) @everyone")]
    [InlineData("nop online sao \u202Eabc\u200B\u0000")]
    public async Task A_trip_question_carrying_markup_gets_fixed_texts_that_echo_nothing(string text)
    {
        var replies = await harness.SayAsync(text);

        Assert.NotEmpty(replies);
        Assert.All(replies, reply =>
        {
            Assert.DoesNotContain("evil.example", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u202E", reply.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_very_long_message_of_trip_words_is_answered_once_politely()
    {
        var flood = string.Concat(Enumerable.Repeat("bưu điện khỏi đi online nhà xa có cách nào ", 2000));

        var replies = await harness.SayAsync(flood);

        Assert.Equal([ProcedureTexts.PostGeneral, ProcedureTexts.AskWhichForWays], replies.Select(r => harness.Plain(r.Text)));
    }

    [Fact]
    public async Task Trip_words_while_a_pre_registration_waits_for_a_phone_are_no_answer_and_file_nothing()
    {
        await harness.SayAsync("Nộp hồ sơ trước");
        await harness.SayAsync("chứng thực bản sao");
        await harness.SayAsync("Hồ Thị Lan");

        var replies = await harness.SayAsync("gửi qua bưu điện được không");

        Assert.DoesNotContain(replies, r => r.Text == ProcedureTexts.PostGeneral);
        Assert.DoesNotContain((await harness.Get<DossierDesk>().ListByOwnerAsync(Chats.Channel, Chats.User)), d => d.Status == DossierStatus.PreRegistered);
    }
}
