using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;

namespace OneStopBot.Bot.Channels;

/// <summary>
/// For channels without buttons: suggested actions become a numbered list under the text, and a number typed
/// back is read as that choice.
/// </summary>
public static class NumberedChoices
{
    /// <summary>The labels of the activity's suggested actions, in order.</summary>
    public static IReadOnlyList<string> Of(IActivity activity) =>
        (activity as IMessageActivity)?.SuggestedActions?.Actions?
            .Select(action => action.Value?.ToString() ?? action.Title)
            .Where(label => !string.IsNullOrWhiteSpace(label))
            .ToList()
        ?? [];

    /// <summary>The message text followed by "Gõ 1 để …" lines.</summary>
    public static string Render(string? text, IReadOnlyList<string> choices)
    {
        var builder = new StringBuilder(text ?? string.Empty);
        for (var i = 0; i < choices.Count; i++)
        {
            builder.Append(builder.Length == 0 ? string.Empty : "\n")
                .Append(CultureInfo.InvariantCulture, $"Gõ {i + 1} để chọn: {choices[i]}");
        }
        return builder.ToString();
    }

    /// <summary>The choice a typed number stands for, or the text unchanged.</summary>
    public static string Resolve(string text, IReadOnlyList<string> choices)
    {
        var trimmed = text.Trim();
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count
            ? choices[number - 1]
            : text;
    }
}
