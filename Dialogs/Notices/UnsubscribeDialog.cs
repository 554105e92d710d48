using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;
using OneStopBot.Dialogs.Addressing;

namespace OneStopBot.Dialogs.Notices;

/// <summary>"Không nhận nữa": this chat stops receiving notices at once.</summary>
public sealed class UnsubscribeDialog(NoticeService notices) : Dialog(DialogIds.Unsubscribe)
{
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var stopped = notices.Unsubscribe(dc.Context.ChatAddress());
        var text = stopped ? UnsubscribeTexts.Stopped : UnsubscribeTexts.NotSubscribed;
        await dc.Context.SendActivityAsync(Replies.WithChoices(text, [MainMenu.Subscribe, NoticeButtons.Menu]), cancellationToken);
        return await dc.EndDialogAsync(stopped, cancellationToken);
    }
}

/// <summary>What the unsubscribe dialog says.</summary>
public static class UnsubscribeTexts
{
    public const string Stopped = "Đã dừng. Anh/chị sẽ không nhận thông báo của xã nữa. Muốn nhận lại, bấm \"Nhận thông báo\".";
    public const string NotSubscribed = "Anh/chị chưa đăng ký nhận thông báo. Muốn nhận, bấm \"Nhận thông báo\".";
}

/// <summary>Buttons the notice dialogs share with what the outbox sends.</summary>
public static class NoticeButtons
{
    public const string Menu = "Trang chủ";
}
