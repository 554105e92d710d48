using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Root;

/// <summary>Decides what a message starts when no dialog is waiting for it.</summary>
public sealed class RootRouter
{
    private static readonly Dictionary<string, string> MenuDialogs = new(StringComparer.Ordinal)
    {
        [UserText.Fold(MainMenu.AskProcedure)] = DialogIds.AskProcedure,
        [UserText.Fold(MainMenu.CheckDossier)] = DialogIds.CheckDossier,
        [UserText.Fold(MainMenu.PreRegister)] = DialogIds.PreRegister,
        [UserText.Fold(MainMenu.Subscribe)] = DialogIds.Subscribe,
        [UserText.Fold(MainMenu.TalkToStaff)] = DialogIds.TalkToStaff,
    };

    public async Task RouteAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var folded = UserText.Fold(dc.Context.Activity.Text);
        if (MenuDialogs.TryGetValue(folded, out var dialogId))
        {
            await StartAsync(dc, dialogId, options: null, cancellationToken);
            return;
        }
        await ConversationRunner.SendMenuAsync(dc.Context, RootTexts.NotUnderstood, cancellationToken);
    }

    public async Task StartAsync(DialogContext dc, string dialogId, object? options, CancellationToken cancellationToken)
    {
        var result = await dc.BeginDialogAsync(dialogId, options, cancellationToken);
        if (result.Status == DialogTurnStatus.Abandoned)
        {
            await ConversationRunner.SendMenuAsync(dc.Context, RootTexts.NotUnderstood, cancellationToken);
        }
    }
}
