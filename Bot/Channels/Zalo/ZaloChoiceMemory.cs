using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The last numbered list offered to each user, so that a number typed back ("2", "số 2") is understood as that
/// choice before the turn runs.
/// </summary>
public sealed class ZaloChoiceMemory(IOptions<ZaloOptions> options, TimeProvider timeProvider)
{
    private readonly ExpiringCache<string, IReadOnlyList<NumberedChoice>> offered =
        new(options.Value.ChoicesCapacity, options.Value.ChoicesLifetime, timeProvider);

    /// <summary>
    /// The numbers of the message sent last are the ones a reply can mean: a message without choices (a question to
    /// answer in words) forgets the earlier ones, so "1" typed as an answer stays "1".
    /// </summary>
    public void Remember(string userId, IReadOnlyList<NumberedChoice> choices)
    {
        if (choices.Count > 0)
        {
            offered.Set(userId, choices);
        }
        else
        {
            offered.Remove(userId);
        }
    }

    /// <summary>The choice a typed number stands for, or null when the text is not one of the offered numbers.</summary>
    public NumberedChoice? Resolve(string userId, string? text) =>
        NumberedMessages.ReadNumber(text) is { } number && offered.TryGet(userId, out var choices) ? NumberedMessages.Pick(number, choices) : null;
}
