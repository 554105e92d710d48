namespace OneStopBot.Office.Channels;

/// <summary>
/// The API tokens of one channel account, kept because refresh tokens are single-use: after a refresh only the
/// stored pair is valid, whatever configuration says.
/// </summary>
/// <param name="Id">The channel, e.g. <c>zalo</c>.</param>
public sealed record ChannelTokens(string Id, string AccessToken, string RefreshToken, DateTimeOffset UpdatedAt);
