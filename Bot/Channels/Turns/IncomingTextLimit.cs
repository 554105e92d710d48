using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Office;

namespace OneStopBot.Bot.Channels.Turns;

/// <summary>
/// Cuts an incoming message's text to <see cref="TurnOptions.MaxTextLength"/> before any recogniser, search or dialog
/// reads it, so that no message costs more than a long question does; the resident is told what was kept.
/// </summary>
public sealed class IncomingTextLimit(IOptions<TurnOptions> options) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>{0}: how many characters were read.</summary>
    public const string CutNotice = "Tin nhắn của anh/chị dài quá. Em xin phép chỉ đọc {0} ký tự đầu, anh/chị thông cảm nhé.";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var max = options.Value.MaxTextLength;
        if (activity.Type == ActivityTypes.Message && activity.Text is { } text && text.Length > max)
        {
            activity.Text = Cut(text, max);
            await turnContext.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, CutNotice, VietnameseNumber.Of(max)), cancellationToken: cancellationToken);
        }
        await next(cancellationToken);
    }

    /// <summary>The first <paramref name="max"/> characters, never half of a surrogate pair.</summary>
    public static string Cut(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
}
