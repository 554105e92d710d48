using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Staff;

/// <summary><c>/traloi REF nội dung</c>: sends a staff answer to the resident who asked question REF, through the outbox.</summary>
public sealed class StaffReplyDialog(NoticeService notices) : Dialog(DialogIds.StaffReply)
{
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var arguments = (options as FeatureOptions)?.Text?.Trim() ?? string.Empty;
        var space = arguments.IndexOfAny([' ', '\t', '\n']);
        string reply;
        if (space < 0)
        {
            reply = StaffReplyTexts.Usage;
        }
        else
        {
            var reference = arguments[..space];
            var outcome = notices.ReplyToResident(reference, arguments[(space + 1)..], StaffActor.Of(dc.Context));
            reply = outcome.Value is { } handoff ? TextTemplate.Fill(StaffReplyTexts.Sent, handoff.Id) : outcome.Error!.Message();
        }
        await dc.Context.SendActivityAsync(reply, cancellationToken: cancellationToken);
        return await dc.EndDialogAsync(null, cancellationToken);
    }
}

/// <summary>What <c>/traloi</c> says. {0}: the question's reference.</summary>
public static class StaffReplyTexts
{
    public const string Usage = "Cú pháp: /traloi MÃ nội dung, ví dụ: /traloi H7K2 Mai anh/chị mang sổ hộ khẩu đến nhé.";
    public const string Sent = "Đã gửi trả lời cho câu hỏi {0}.";
}
