using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace OneStopBot.Bot.Channels;

/// <summary>A choice offered as a number to type, and what typing that number stands for.</summary>
public sealed record NumberedChoice(string Title, object? Value)
{
    /// <summary>The text the user is taken to have sent: the action's value when it is text, else its title.</summary>
    public string Text => Value as string ?? Title;
}

/// <summary>A message for a channel without buttons: the text, with the choices already written into it as numbers.</summary>
public sealed record NumberedMessage(string Text, IReadOnlyList<NumberedChoice> Choices);

/// <summary>
/// For channels without buttons (Zalo customer-service messages, the terminal): suggested actions and card buttons
/// become a numbered list ("Gõ 1 để chọn: …"), links are written out, and a number typed back picks that choice.
/// </summary>
public static partial class NumberedMessages
{
    /// <summary>The choice a number read by <see cref="ReadNumber"/> stands for, or null when it is none of them.</summary>
    public static NumberedChoice? Pick(int? number, IReadOnlyList<NumberedChoice> choices) =>
        number is { } n && n >= 1 && n <= choices.Count ? choices[n - 1] : null;

    /// <summary>The number a message is made of ("2", "số 2", "2."), if that is all it is.</summary>
    public static int? ReadNumber(string? text)
    {
        if (text is null || text.Length > 16)
        {
            return null;
        }
        var match = ChoiceNumber().Match(text);
        return match.Success && int.TryParse(match.Groups["n"].ValueSpan, out var number) ? number : null;
    }

    public static NumberedMessage Compose(IMessageActivity activity)
    {
        var lines = new List<string>();
        var actions = new List<CardAction>();
        AddLine(lines, activity.Text);
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (AsCard(attachment) is { } card)
            {
                AddLine(lines, card.Title);
                AddLine(lines, card.Subtitle);
                AddLine(lines, card.Text);
                actions.AddRange(card.Buttons ?? []);
            }
            else if (!string.IsNullOrWhiteSpace(attachment.ContentUrl))
            {
                AddLine(lines, string.IsNullOrWhiteSpace(attachment.Name) ? attachment.ContentUrl : $"{attachment.Name}: {attachment.ContentUrl}");
            }
        }
        actions.AddRange(activity.SuggestedActions?.Actions ?? []);

        var choices = new List<NumberedChoice>();
        var choiceLines = new List<string>();
        foreach (var action in actions)
        {
            var title = FirstText(action.Title, action.Text, action.DisplayText, action.Value as string);
            if (title is null)
            {
                continue;
            }
            if (action.Type is ActionTypes.OpenUrl or ActionTypes.Call or ActionTypes.DownloadFile && action.Value is string target)
            {
                // A link or a phone number is more use written out than behind a number.
                AddLine(lines, target == title ? title : $"{title}: {RemoveScheme(target)}");
                continue;
            }
            choices.Add(new NumberedChoice(title, action.Value));
            choiceLines.Add($"Gõ {choices.Count} để chọn: {title}");
        }

        var text = string.Join("\n", lines);
        if (choiceLines.Count > 0)
        {
            text = (text.Length > 0 ? text + "\n\n" : string.Empty) + string.Join("\n", choiceLines);
        }
        return new NumberedMessage(text, choices);
    }

    private static HeroCard? AsCard(Attachment attachment) =>
        attachment.ContentType is HeroCard.ContentType or ThumbnailCard.ContentType && attachment.Content is not null
            ? attachment.Content as HeroCard ?? JObject.FromObject(attachment.Content).ToObject<HeroCard>()
            : null;

    private static void AddLine(List<string> lines, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            lines.Add(text.Trim());
        }
    }

    private static string? FirstText(params string?[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim();

    private static string RemoveScheme(string target) =>
        target.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? target[4..] : target;

    [GeneratedRegex(@"^\s*(?:(?:số|so)\s*)?(?<n>\d{1,2})\s*[.)]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ChoiceNumber();
}
