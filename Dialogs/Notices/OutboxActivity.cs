using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Notices;

/// <summary>The message an outbox row becomes when it is sent.</summary>
public static class OutboxActivity
{
    /// <summary>The row's text and buttons; a staff answer goes out as the clerk wrote it.</summary>
    public static IMessageActivity Of(Delivery row)
    {
        var activity = Replies.WithChoices(row.Text, row.Actions);
        return row.Kind == DeliveryKind.StaffReply ? PlainWords.KeepAsWritten(activity) : activity;
    }
}
