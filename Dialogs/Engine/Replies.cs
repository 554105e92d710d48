using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OneStopBot.Dialogs.Engine;

/// <summary>Builds the bot's messages.</summary>
public static class Replies
{
    /// <summary>The button that reaches a person: in the main menu, and wherever the bot cannot help.</summary>
    public const string TalkToStaff = "Gặp cán bộ";

    /// <summary>A text with the choices as suggested-action buttons (none when there are no choices).</summary>
    public static IMessageActivity WithChoices(string text, IReadOnlyList<string>? choices)
    {
        if (choices is null || choices.Count == 0)
        {
            return MessageFactory.Text(text);
        }
        // The SDK's overloads are ambiguous for arrays: pass a list and name the arguments.
        return MessageFactory.SuggestedActions(actions: choices.ToList(), text: text, ssml: null, inputHint: null, toList: null);
    }
}
