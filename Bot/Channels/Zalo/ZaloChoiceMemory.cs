using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Hosting;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The last numbered list offered to each user, so that a number typed back ("2", "số 2") is understood as that
/// choice before the turn runs. Kept in a memory cache of its own: entries expire after
/// <see cref="ZaloOptions.ChoicesLifetime"/> on the injected clock, and at most <see cref="ZaloOptions.ChoicesCapacity"/>
/// users are remembered (those who wrote least recently are forgotten first), so a flood of distinct users cannot grow
/// memory without bound.
/// </summary>
public sealed class ZaloChoiceMemory(IOptions<ZaloOptions> options, TimeProvider timeProvider) : IDisposable
{
    private readonly TimeSpan lifetime = options.Value.ChoicesLifetime;

    private readonly int capacity = Math.Max(1, options.Value.ChoicesCapacity);

    private readonly MemoryCache offered = MemoryCaches.Bounded(Math.Max(1, options.Value.ChoicesCapacity), timeProvider);

    /// <summary>
    /// The numbers of the message sent last are the ones a reply can mean: a message without choices (a question to
    /// answer in words) forgets the earlier ones, so "1" typed as an answer stays "1".
    /// </summary>
    public void Remember(string userId, IReadOnlyList<NumberedChoice> choices)
    {
        if (choices.Count > 0)
        {
            offered.SetMakingRoom(userId, choices, capacity, lifetime);
        }
        else
        {
            offered.Remove(userId);
        }
    }

    /// <summary>The choice a typed number stands for, or null when the text is not one of the offered numbers.</summary>
    public NumberedChoice? Resolve(string userId, string? text) =>
        NumberedMessages.ReadNumber(text) is { } number && offered.TryGetValue(userId, out IReadOnlyList<NumberedChoice>? choices) && choices is not null
            ? NumberedMessages.Pick(number, choices)
            : null;

    public void Dispose() => offered.Dispose();
}
