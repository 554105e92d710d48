using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStopBot.Office.Staff;

/// <summary>
/// Each staff member's own web chat password, kept only as a salted PBKDF2-SHA256 hash:
/// <c>pbkdf2-sha256$iterations$salt$hash</c> (Base64). Made with the <c>hash-password</c> verb.
/// </summary>
public static class StaffPassword
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>
    /// A well-formed hash of the same cost as <see cref="Hash"/> that no password matches (its salt and hash are zeros,
    /// and finding a password whose PBKDF2 is all zeros is out of reach): sign-in checks an unknown user's password
    /// against it, so an unknown user takes as long as a known one.
    /// </summary>
    public static readonly string Unmatchable = string.Join(
        '$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(new byte[SaltBytes]), Convert.ToBase64String(new byte[HashBytes]));

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches; a malformed stored hash matches nothing.</summary>
    public static bool Verify(string? password, string? stored)
    {
        if (string.IsNullOrEmpty(password) || !TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Compares a presented secret (an API key, the Direct Line secret) with the configured one in constant time.</summary>
    public static bool SameSecret(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    public static bool IsWellFormed(string? stored) => TryParse(stored, out _, out _, out _);

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored?.Split('$') ?? [];
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations is < 10_000 or > 10_000_000)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
            return salt.Length >= 8 && hash.Length >= 16;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}


/// <summary>Checks a staff member's password against a stored hash; a service, so that tests can count the checks.</summary>
public interface IStaffPasswordCheck
{
    bool Matches(string? password, string storedHash);
}

/// <summary>The real check: <see cref="StaffPassword.Verify"/>.</summary>
public sealed class StaffPasswordCheck : IStaffPasswordCheck
{
    public bool Matches(string? password, string storedHash) => StaffPassword.Verify(password, storedHash);
}
