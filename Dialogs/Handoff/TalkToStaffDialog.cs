using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office;

namespace OneStopBot.Dialogs.Handoff;

/// <summary>"Gặp cán bộ": how to reach a person at the office.</summary>
public sealed class TalkToStaffDialog(IOptions<OfficeOptions> office) : Dialog(DialogIds.TalkToStaff)
{
    private const string HowToReach =
        "Anh/chị gọi cán bộ một cửa số {0}. Giờ làm việc: {1}. Địa chỉ: {2}.";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var facts = office.Value;
        var text = string.Format(CultureInfo.InvariantCulture, HowToReach, facts.Phone, facts.WorkingHours, facts.Address);
        await dc.Context.SendActivityAsync(Replies.WithChoices(text, MainMenu.Items), cancellationToken);
        return await dc.EndDialogAsync(null, cancellationToken);
    }
}
