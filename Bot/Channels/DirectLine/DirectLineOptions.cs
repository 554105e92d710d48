namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>The <c>DirectLine</c> section of appsettings.json.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The Direct Line secret of the office's own website backend: a token request carrying it
    /// (<c>Authorization: Bearer …</c>) may name the user; every other request gets a user id chosen here. Empty: nobody may.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>Key that signs the tokens; when empty a random key is made at start, so tokens die with the process.</summary>
    public string TokenSecret { get; set; } = "";

    /// <summary>HMAC-SHA256 wants a key as long as its hash; a shorter one is refused at start-up.</summary>
    public const int MinTokenSecretBytes = 32;

    /// <summary>DirectLineJS renews on a fixed 15-minute timer; five minutes of slack cover a slow phone.</summary>
    public static readonly TimeSpan MinTokenLifetime = TimeSpan.FromMinutes(20);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation nobody has used for this long leaves memory; it stays in the database and comes back when asked for.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A conversation nobody has used for this long is deleted with its transcript: the page then starts a new one.</summary>
    public TimeSpan ConversationExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The last activities of a conversation kept (in memory and in the database) for a page that reconnects or reloads.</summary>
    public int KeptActivities { get; set; } = 200;

    /// <summary>How often idle conversations are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most conversations held in memory at once, so that anonymous starts cannot fill it.</summary>
    public int MaxConversations { get; set; } = 5000;

    /// <summary>
    /// Streams (WebSockets) open at once on one conversation: the official client keeps one, and a second covers a
    /// reconnect that races the old stream's end. Past it the oldest is closed.
    /// </summary>
    public int MaxSocketsPerConversation { get; set; } = 2;

    /// <summary>Streams open at once from one client address, whatever their conversations; past it the oldest is closed.</summary>
    public int MaxSocketsPerAddress { get; set; } = 20;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
