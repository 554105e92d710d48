using System.Security.Cryptography;
using System.Text;

namespace OneStopBot.Bot.Channels.Zalo;

/// <summary>
/// The <c>X-ZEvent-Signature</c> header: <c>mac=</c> and the hex SHA-256 of app id + raw body + timestamp + OA
/// secret key. The raw bytes are hashed as received, so a body re-serialised in any way no longer matches.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    private const string Prefix = "mac=";

    public static string Compute(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(rawBody);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(oaSecretKey));
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static bool IsValid(string? header, string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(appId, rawBody, timestamp, oaSecretKey));
        // Hex is case-insensitive; lower-casing first keeps the comparison itself constant-time.
        var given = Encoding.UTF8.GetBytes(header.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
