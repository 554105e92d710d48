using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Dossiers;

/// <param name="Text">A message to act on before asking anything (the one that started the dialog).</param>
/// <param name="Code">The dossier found, waiting for the phone check.</param>
/// <param name="Notice">Said instead of the usual question when asking again.</param>
/// <param name="Choices">Buttons with the next question (this chat's codes).</param>
public sealed record CheckDossierState(string? Text = null, string? Code = null, string? Notice = null, IReadOnlyList<string>? Choices = null);

/// <summary>
/// "Tra cứu hồ sơ": by code, or "hồ sơ của tôi". The chat that filed a dossier sees its details; anyone else learns
/// only that it exists until they give the last 4 digits of its phone. Failed codes and checks are rate limited.
/// </summary>
public sealed partial class CheckDossierDialog(
    IDossierStore store,
    DossierDetails details,
    LookupGuard guard,
    NoticeService notices,
    WorkingCalendar calendar,
    CommuneDirectory directory,
    CommuneContext communes) : WaterfallDialog<CheckDossierState>(DialogIds.CheckDossier)
{
    private static readonly string[] MineWords = ["cua toi", "cua minh", "cua em", "cua tui"];

    private readonly TextPrompt codePrompt = new("status.code");
    private readonly TextPrompt digitsPrompt = new("status.digits", ValidateDigitsAsync);

    public override IEnumerable<Dialog> Dependencies => [codePrompt, digitsPrompt];

    protected override CheckDossierState CreateState(object? options) => new(Text: (options as FeatureOptions)?.Text);

    protected override IReadOnlyList<WaterfallStep<CheckDossierState>> Steps() =>
        [AskCodeStepAsync, FindDossierStepAsync, AskDigitsStepAsync, VerifyStepAsync];

    private async Task<DialogTurnResult> AskCodeStepAsync(WaterfallStepContext<CheckDossierState> step, CancellationToken cancellationToken)
    {
        if (await RefuseIfBlockedAsync(step, guard.Check(step.Context.LookupSource()), cancellationToken) is { } refused)
        {
            return refused;
        }
        var state = step.Values;
        step.Values = state with { Text = null, Notice = null, Choices = null };
        if (state.Text is { } text && (AsksForOwnDossiers(text) || CodeIn(text) is not null))
        {
            return await step.NextAsync(text, cancellationToken);
        }
        var example = DossierCode.Example(communes.Current.Office.AgencyCode);
        return await step.PromptAsync(
            codePrompt.Id,
            new PromptOptions(state.Notice ?? TextTemplate.Fill(CheckDossierTexts.AskCode, example), Choices: state.Choices ?? [CheckDossierTexts.MyDossiers]),
            cancellationToken);
    }

    private async Task<DialogTurnResult> FindDossierStepAsync(WaterfallStepContext<CheckDossierState> step, CancellationToken cancellationToken)
    {
        var text = (string)step.Result!;
        var example = DossierCode.Example(communes.Current.Office.AgencyCode);
        if (AsksForOwnDossiers(text))
        {
            return await ListOwnDossiersAsync(step, cancellationToken);
        }
        if (CodeIn(text) is not { } code)
        {
            if (!DossierCode.LooksLikeCode(text))
            {
                // A question or a request typed at the code question is not a wrong code: the root handles it.
                await step.EndDialogAsync(null, cancellationToken);
                return DialogTurnResult.Unhandled;
            }
            return await FailAsync(step, TextTemplate.Fill(CheckDossierTexts.Malformed, example), cancellationToken);
        }
        // Status lookups serve the whole province: the code's agency code says whose dossier it is.
        using var owner = EnterOwner(code);
        if (await store.FindAsync(code, cancellationToken) is not { } dossier)
        {
            return await FailAsync(step, TextTemplate.Fill(CheckDossierTexts.NotFound, code, example), cancellationToken);
        }
        if (IsOwner(dossier, step.Context))
        {
            return await ShowAsync(step, dossier, cancellationToken);
        }
        step.Values = step.Values with { Code = dossier.Code, Notice = TextTemplate.Fill(CheckDossierTexts.FoundAskDigits, dossier.Code) };
        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> AskDigitsStepAsync(WaterfallStepContext<CheckDossierState> step, CancellationToken cancellationToken)
    {
        using var owner = EnterOwner(step.Values.Code!);
        if (guard.CheckCode(step.Values.Code!) is { Allowed: false, RetryAt: { } retryAt })
        {
            return await RefuseLockedAsync(step, step.Values.Code!, retryAt, cancellationToken);
        }
        var notice = step.Values.Notice ?? CheckDossierTexts.AskDigits;
        step.Values = step.Values with { Notice = null };
        return await step.PromptAsync(digitsPrompt.Id, new PromptOptions(notice, CheckDossierTexts.DigitsRetry), cancellationToken);
    }

    private async Task<DialogTurnResult> VerifyStepAsync(WaterfallStepContext<CheckDossierState> step, CancellationToken cancellationToken)
    {
        var code = step.Values.Code!;
        using var owner = EnterOwner(code);
        // Compared and counted by the office in one step, against the dossier, whoever guesses: rotating chats or
        // addresses gains nothing, and a chat left waiting at the question gets no guess once the code is locked.
        var check = guard.VerifyDigits(code, (string)step.Result!, (dossier, owner) => notices.NotifyStatusChange(
            owner,
            TextTemplate.Fill(CheckDossierTexts.OwnerWarned, dossier.Code, communes.Current.Office.Phone),
            [MainMenu.CheckDossier, MainMenu.TalkToStaff]));
        switch (check)
        {
            case DigitsCheck.Verified verified:
                return await ShowAsync(step, verified.Dossier, cancellationToken);
            case DigitsCheck.Locked locked:
                return await RefuseLockedAsync(step, code, locked.RetryAt, cancellationToken);
            default:
                step.Values = step.Values with { Notice = CheckDossierTexts.WrongDigits };
                return await step.GoToStepAsync(nameof(AskDigitsStepAsync), cancellationToken);
        }
    }

    private async Task<DialogTurnResult> ListOwnDossiersAsync(WaterfallStepContext<CheckDossierState> step, CancellationToken cancellationToken)
    {
        var chat = step.Context.ChatAddress();
        var own = await store.ListByOwnerAsync(chat.ChannelId, chat.UserId, cancellationToken);
        switch (own.Count)
        {
            case 0:
                step.Values = step.Values with
                {
                    Notice = TextTemplate.Fill(CheckDossierTexts.NoneOwn, DossierCode.Example(communes.Current.Office.AgencyCode)),
                    Choices = [MainMenu.PreRegister],
                };
                return await step.GoToStepAsync(nameof(AskCodeStepAsync), cancellationToken);
            case 1:
                return await ShowAsync(step, own[0], cancellationToken);
            default:
                var shown = own.Take(CheckDossierTexts.MaxListed).ToList();
                var list = string.Concat(shown.Select((d, i) =>
                    $"\n{i + 1}. {d.Code}: {details.ProcedureName(d.ProcedureId)}, {d.Status.Text().Label}."));
                step.Values = step.Values with
                {
                    Notice = TextTemplate.Fill(CheckDossierTexts.OwnList, own.Count) + list + "\n" + CheckDossierTexts.PickOne,
                    Choices = shown.Select(d => d.Code).ToList(),
                };
                return await step.GoToStepAsync(nameof(AskCodeStepAsync), cancellationToken);
        }
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext<CheckDossierState> step, Dossier dossier, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(
            Replies.WithChoices(string.Join("\n", details.ForResident(dossier)), [MainMenu.CheckDossier, MainMenu.TalkToStaff, MainMenu.AskProcedure]),
            cancellationToken);
        return await step.EndDialogAsync(dossier.Code, cancellationToken);
    }

    /// <summary>Counts a failed code; asks again with <paramref name="notice"/>, or refuses for a while.</summary>
    private async Task<DialogTurnResult> FailAsync(WaterfallStepContext<CheckDossierState> step, string notice, CancellationToken cancellationToken)
    {
        var permission = guard.RecordFailure(step.Context.LookupSource());
        if (await RefuseIfBlockedAsync(step, permission, cancellationToken) is { } refused)
        {
            return refused;
        }
        step.Values = step.Values with { Notice = notice };
        return await step.GoToStepAsync(nameof(AskCodeStepAsync), cancellationToken);
    }

    private async Task<DialogTurnResult?> RefuseIfBlockedAsync(WaterfallStepContext<CheckDossierState> step, LookupPermission permission, CancellationToken cancellationToken)
    {
        if (permission.Allowed)
        {
            return null;
        }
        var retryAt = DossierFormat.Time(calendar.LocalTime(permission.RetryAt!.Value));
        await step.Context.SendActivityAsync(
            Replies.WithChoices(TextTemplate.Fill(CheckDossierTexts.TooManyFailures, retryAt, communes.Current.Office.Phone), [MainMenu.TalkToStaff, MainMenu.AskProcedure]),
            cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> RefuseLockedAsync(
        WaterfallStepContext<CheckDossierState> step, string code, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        // A lock lasts up to a day, so the day is said with the time.
        var local = calendar.LocalTime(retryAt);
        var when = DossierFormat.Time(local) + " " + DossierFormat.Day(DateOnly.FromDateTime(local.DateTime));
        await step.Context.SendActivityAsync(
            Replies.WithChoices(TextTemplate.Fill(CheckDossierTexts.CodeLocked, code, when, communes.Current.Office.Phone), [MainMenu.TalkToStaff, MainMenu.AskProcedure]),
            cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private string? CodeIn(string text) => DossierCode.TryFind(text, communes.Current.Office.AgencyCode, out var code) ? code : null;

    /// <summary>
    /// Acts for the commune that owns <paramref name="code"/> until disposed, the chat's own again after; nothing
    /// entered when no commune's agency code starts it (then it is looked up, and not found, in the chat's commune).
    /// </summary>
    private CommuneContext.Scope? EnterOwner(string code) =>
        directory.ByDossierCode(code) is { } owner ? communes.Enter(owner) : null;

    private static bool AsksForOwnDossiers(string text)
    {
        var folded = UserText.Fold(text);
        return MineWords.Any(word => folded.Contains(word, StringComparison.Ordinal));
    }

    private static bool IsOwner(Dossier dossier, ITurnContext context) =>
        dossier.Owner is { } owner && owner.IsSameChat(context.ChatAddress());

    private static Task<bool> ValidateDigitsAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(FourDigits().IsMatch(prompt.Value.Trim()));

    [GeneratedRegex(@"^\d{4}$", RegexOptions.NonBacktracking)]
    private static partial Regex FourDigits();
}

/// <summary>What the status dialog says. {0}, {1}: values in the order each text names them.</summary>
internal static class CheckDossierTexts
{
    public const int MaxListed = 8;

    public const string MyDossiers = "Hồ sơ của tôi";
    public const string AskCode = "Anh/chị gõ mã hồ sơ, ví dụ: {0}. Hoặc bấm \"Hồ sơ của tôi\".";
    public const string Malformed = "Mã hồ sơ chưa đúng dạng. Mã đúng giống thế này: {0}. Anh/chị gõ lại nhé.";
    public const string NotFound = "Em không tìm thấy hồ sơ mã {0}. Mã đúng giống thế này: {1}. Anh/chị xem lại mã trong tin nhắn của xã rồi gõ lại nhé.";
    public const string FoundAskDigits = "Em tìm thấy hồ sơ mã {0}. Để xem chi tiết, anh/chị gõ 4 số cuối của số điện thoại đã đăng ký.";
    public const string AskDigits = "Anh/chị gõ 4 số cuối của số điện thoại đã đăng ký hồ sơ.";
    public const string DigitsRetry = "Anh/chị gõ đúng 4 chữ số, ví dụ: 5678.";
    public const string WrongDigits = "4 số cuối chưa đúng. Anh/chị xem lại số điện thoại đã đăng ký rồi gõ lại nhé.";
    public const string NoneOwn = "Em chưa thấy hồ sơ nào nộp từ cuộc trò chuyện này. Anh/chị gõ mã hồ sơ, ví dụ: {0}.";
    public const string OwnList = "Anh/chị có {0} hồ sơ:";
    public const string PickOne = "Anh/chị bấm mã hồ sơ để xem chi tiết.";
    public const string CodeLocked =
        "Hồ sơ {0} đang tạm khoá tra cứu bằng số điện thoại vì có nhiều lần gõ sai. Anh/chị thử lại sau {1}, hoặc gọi {2} để cán bộ mở khoá.";
    public const string OwnerWarned =
        "Có người gõ sai 4 số cuối điện thoại của hồ sơ {0} nhiều lần. Em đã tạm khoá tra cứu hồ sơ này bằng số điện thoại. Anh/chị vẫn xem được hồ sơ tại đây. Nếu cần mở khoá, anh/chị gọi {1}.";
    public const string TooManyFailures =
        "Anh/chị đã thử sai nhiều lần. Để giữ an toàn thông tin, em tạm dừng tra cứu. Anh/chị thử lại sau {0}, hoặc gọi {1}.";
}
