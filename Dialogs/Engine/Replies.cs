using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Dialogs.Engine;

/// <summary>Builds the bot's messages.</summary>
public static class Replies
{
    /// <summary>The button that reaches a person: in the main menu, and wherever the bot cannot help.</summary>
    public const string TalkToStaff = "Gặp cán bộ";

    /// <summary>Buttons one message may carry: more fill half of a phone's screen.</summary>
    public const int MaxButtons = 4;

    /// <summary>The last button of a page of choices that does not fit in one message: it shows the next page.</summary>
    public const string More = "Khác…";

    /// <summary>
    /// The buttons of page <paramref name="page"/> of <paramref name="choices"/>: all of them when they fit in one
    /// message; otherwise three and <see cref="More"/>, and on the last page what is left, with <see cref="More"/>
    /// back to the first when there is room. The page after the last is the first.
    /// </summary>
    public static IReadOnlyList<string>? Page(IReadOnlyList<string>? choices, int page)
    {
        if (choices is null || choices.Count <= MaxButtons)
        {
            return choices;
        }
        // Pages of three, the last of up to four.
        var pages = 1 + (((choices.Count - MaxButtons) + (MaxButtons - 2)) / (MaxButtons - 1));
        var start = (page % pages) * (MaxButtons - 1);
        var left = choices.Count - start;
        return left > MaxButtons ? [.. choices.Skip(start).Take(MaxButtons - 1), More]
            : left < MaxButtons ? [.. choices.Skip(start), More]
            : [.. choices.Skip(start)];
    }


    /// <summary>
    /// Marks a message that shows the chat's owner their own phone number in full, so they can see a typo: only they
    /// read it live. Whatever keeps messages (the web chat's stored transcript) masks the numbers in a marked message.
    /// </summary>
    public static T ShowingOwnNumbers<T>(T activity) where T : IActivity
    {
        ((Activity)(IActivity)activity).Properties[OwnNumbersProperty] = true;
        return activity;
    }

    /// <summary>Whether a message (as JSON, the way channels keep it) shows its reader's own numbers.</summary>
    public static bool ShowsOwnNumbers(JObject activity) => activity[OwnNumbersProperty] is JValue { Type: JTokenType.Boolean, Value: true };

    private const string OwnNumbersProperty = "onestop.ownNumbers";

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
