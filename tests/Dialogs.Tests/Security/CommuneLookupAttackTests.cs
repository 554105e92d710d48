using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Tests.Communes;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using static OneStopBot.Dialogs.Tests.Communes.TwoCommunes;
using OneStopBot.Office;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Tests.Security;

/// <summary>
/// A resident of Phước Đức on the shared provincial OA tries to read a Suối Mây dossier: by its short code, by "hồ sơ
/// của tôi", by its full code without the phone's digits, and by guessing the digits. Lookups by code serve the whole
/// province, so the full code finds it, but only the verification shows it, and failed guesses lock it in Suối Mây.
/// </summary>
public sealed class CommuneLookupAttackTests : IDisposable
{
    private readonly ConversationHarness harness = new(settings: Settings);

    public void Dispose() => harness.Dispose();

    private async Task<string> SaidAsync(string text) => string.Join("\n", (await harness.SayAsync(text)).Select(r => r.Text));

    [Fact]
    public async Task Another_commune_s_dossier_is_shown_only_with_its_full_code_and_the_phone_s_digits()
    {
        var code = await FileInSuoiMayAsync(harness);
        await harness.SayAsync("xin chào");
        await harness.SayAsync("phuoc duc");

        // The short code is read as the chat's own commune's: nothing of Suối Mây's dossier.
        Assert.Contains("Em không tìm thấy hồ sơ mã 000.32.30.H49-261126-0001", await SaidAsync("tra cứu hồ sơ 261126-0001"), StringComparison.Ordinal);
        Assert.Contains(TextTemplate.Fill(CheckDossierTexts.NoneOwn, "000.32.30.H49-261120-0012"), await SaidAsync("hồ sơ của tôi"), StringComparison.Ordinal);

        // The full code finds it anywhere in the province, and asks for the phone's digits; wrong ones show nothing.
        Assert.Contains(TextTemplate.Fill(CheckDossierTexts.FoundAskDigits, code), await SaidAsync("Tra cứu hồ sơ " + code), StringComparison.Ordinal);
        var wrong = await SaidAsync("0000");
        Assert.Contains(CheckDossierTexts.WrongDigits, wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("Trạng thái", wrong, StringComparison.Ordinal);

        // The right digits show it, as for any dossier; then the chat is Phước Đức's again.
        Assert.Contains("Trạng thái: " + DossierStatus.Received.Text().Label, await SaidAsync("5621"), StringComparison.Ordinal);
        Assert.Contains(PhuocDucPhone, await SaidAsync("số điện thoại của xã"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_another_commune_s_digits_locks_the_code_there_and_names_that_commune_s_phone()
    {
        var code = await FileInSuoiMayAsync(harness);
        harness.ChannelCommune = PhuocDuc;
        await harness.SayAsync("Tra cứu hồ sơ " + code);
        string said = "";
        for (var i = 0; i < 5; i++)
        {
            said = await SaidAsync("000" + i);
        }

        // The lock is the dossier's, in its commune: the clerk who unlocks it is Suối Mây's.
        Assert.Contains("đang tạm khoá tra cứu", said, StringComparison.Ordinal);
        Assert.Contains(SuoiMayPhone, said, StringComparison.Ordinal);
        Assert.DoesNotContain(PhuocDucPhone, said, StringComparison.Ordinal);
        Assert.DoesNotContain("Trạng thái", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_typed_for_another_commune_after_the_question_does_not_show_its_details()
    {
        var code = await FileInSuoiMayAsync(harness);
        // Inferred from the code, the chat becomes Suối Mây's; that gives no right to the dossier.
        var said = await SaidAsync("hồ sơ " + code + " xong chưa");
        Assert.Contains(TextTemplate.Fill(CheckDossierTexts.FoundAskDigits, code), said, StringComparison.Ordinal);
        Assert.DoesNotContain("Trạng thái", said, StringComparison.Ordinal);
        var guessed = await SaidAsync("1234");
        Assert.Contains(CheckDossierTexts.WrongDigits, guessed, StringComparison.Ordinal);
        Assert.DoesNotContain("Trạng thái", guessed, StringComparison.Ordinal);
    }
}
