using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace OneStopBot.Dialogs.Engine;

/// <summary>
/// Every outgoing text, in one place, written so that its lines show as lines. Dialogs join lines with a single
/// "\n"; channels that render Markdown (Web Chat, the Emulator, Teams) would show them as one paragraph, and would
/// turn "1." lines into a list with numbers of their own and "*" or "_" into emphasis. For those channels each line
/// ends in a Markdown hard break and Markdown's own characters are escaped; Zalo and the terminal show "\n" as it is.
/// </summary>
public sealed class MarkdownLinesMiddleware : IMiddleware
{
    /// <summary>Channels whose clients render a message's text as Markdown.</summary>
    public static readonly FrozenSet<string> MarkdownChannels =
        FrozenSet.ToFrozenSet(["webchat", "directline", "emulator", "msteams"], StringComparer.OrdinalIgnoreCase);

    private const string HardBreak = "  \n";

    // Characters Markdown reads as formatting anywhere in a line.
    private static readonly SearchValues<char> Inline = SearchValues.Create("\\`*_[]<>~|");

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnSendActivities((context, activities, nextSend) =>
        {
            foreach (var activity in activities)
            {
                Render(activity, context.Activity.ChannelId);
            }
            return nextSend();
        });
        return next(cancellationToken);
    }

    /// <summary>Rewrites a message's text for its channel (the conversation's channel for a proactive message too).</summary>
    public static void Render(Activity activity, string? channelId)
    {
        if (activity.Type != ActivityTypes.Message || string.IsNullOrEmpty(activity.Text)
            || channelId is null || !MarkdownChannels.Contains(channelId)
            || activity.TextFormat is TextFormatTypes.Plain or TextFormatTypes.Xml)
        {
            return;
        }
        activity.Text = ToMarkdown(activity.Text);
        activity.TextFormat = TextFormatTypes.Markdown;
    }

    /// <summary>The text as Markdown that shows exactly these lines and characters.</summary>
    public static string ToMarkdown(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var builder = new StringBuilder(text.Length + (lines.Length * 4));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                // An empty line stays a paragraph break; any other line ends in a hard break.
                builder.Append(lines[i - 1].Length == 0 || lines[i].Length == 0 ? "\n" : HardBreak);
            }
            AppendLine(builder, lines[i]);
        }
        return builder.ToString();
    }

    private static void AppendLine(StringBuilder builder, string line)
    {
        var start = 0;
        while (start < line.Length && line[start] == ' ')
        {
            start++;
        }
        // Four leading spaces would make a code block: a line's own indent is not meant as one.
        builder.Append(' ', Math.Min(start, 3));
        var body = line.AsSpan(start);
        var lead = LeadLength(body);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (Inline.Contains(c) || (i == lead && lead >= 0))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
    }

    /// <summary>
    /// The index of the character that would make the line's start a block (a list "1." or "2)", a bullet "- ",
    /// a heading "#", a quote ">", a rule "==="), or -1.
    /// </summary>
    private static int LeadLength(ReadOnlySpan<char> body)
    {
        if (body.IsEmpty)
        {
            return -1;
        }
        if (body[0] is '#' or '-' or '+' or '=')
        {
            return 0;
        }
        var digits = 0;
        while (digits < body.Length && char.IsAsciiDigit(body[digits]))
        {
            digits++;
        }
        return digits is > 0 and <= 9 && digits < body.Length && body[digits] is '.' or ')' ? digits : -1;
    }
}
