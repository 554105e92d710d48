using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The web chat channel: tokens and their authentication, the conversations (in memory and in the database), their adapter and the sweep.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.Section))
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero,
                "DirectLine: IdleTimeout and SweepInterval must be positive.")
            .Validate(o => o.TokenLifetime >= DirectLineOptions.MinTokenLifetime,
                $"DirectLine:TokenLifetime must be at least {DirectLineOptions.MinTokenLifetime.TotalMinutes:0} minutes: "
                + "the official Web Chat client renews its token every 15 minutes, so a shorter lifetime cuts every open chat.")
            .Validate(o => o.TokenSecret.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(o.TokenSecret) >= DirectLineOptions.MinTokenSecretBytes,
                $"DirectLine:TokenSecret must be empty (a random key at each start) or at least {DirectLineOptions.MinTokenSecretBytes} bytes: "
                + "it signs the chat tokens with HMAC-SHA256, and a shorter key can be guessed.")
            .Validate(o => o.MaxBodyBytes > 0 && o.MaxConversations > 0, "DirectLine: MaxBodyBytes and MaxConversations must be positive.")
            .Validate(o => o.ConversationExpiry >= o.IdleTimeout && o.ConversationExpiry >= o.TokenLifetime,
                "DirectLine:ConversationExpiry must be at least IdleTimeout and TokenLifetime: a conversation must outlive its tokens.")
            .Validate(o => o.KeptActivities is >= 20 and <= 10_000,
                "DirectLine:KeptActivities must be between 20 and 10000: enough for a page to show the chat again, bounded for the database.")
            .Validate(o => o.MaxSocketsPerConversation >= 1 && o.MaxSocketsPerAddress >= o.MaxSocketsPerConversation,
                "DirectLine:MaxSocketsPerConversation must be at least 1 and MaxSocketsPerAddress at least as large: every chat needs its stream.")
            .ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddDirectLineAuthentication();
        services.TryAddSingleton<IStaffPasswordCheck, StaffPasswordCheck>();
        services.AddSingleton<DirectLineSockets>();
        services.AddSingleton<DirectLineTranscripts>();
        services.AddSingleton<ICollectionSetup, DirectLineTranscriptsSetup>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<DirectLineAdapter>());
        services.AddHostedService<DirectLineIdleSweeper>();
        return services;
    }
}
