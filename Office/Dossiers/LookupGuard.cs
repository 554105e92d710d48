using System.ComponentModel.DataAnnotations;
using LiteDB;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>Configuration section <c>Lookup</c>: how much guessing a source, and a dossier code, may take.</summary>
public sealed class LookupGuardOptions
{
    public const string Section = "Lookup";

    /// <summary>Failed codes (unknown or malformed) one source may make within <see cref="Window"/>.</summary>
    [Range(1, 10_000, ErrorMessage = "Lookup:MaxFailures must be between {1} and {2}.")]
    public int MaxFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Lookup:Window must be between {1} and {2}.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong last-4 guesses against one dossier, from anyone, that lock its chat verification.</summary>
    [Range(1, 10_000, ErrorMessage = "Lookup:MaxWrongDigits must be between {1} and {2}.")]
    public int MaxWrongDigits { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Lookup:DigitsWindow must be between {1} and {2}.")]
    public TimeSpan DigitsWindow { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>Whether a lookup may go on, and if not, when it may again.</summary>
public readonly record struct LookupPermission(bool Allowed, DateTimeOffset? RetryAt);

/// <summary>The failures counted under one key, as stored (UTC).</summary>
public sealed record LookupFailures
{
    public required string Id { get; init; }

    public List<DateTime> At { get; init; } = [];
}

/// <summary>
/// Slows down guessing, in the database so that a restart forgives nobody. Two counts:
/// per source (a web chat visitor's IP, an authenticated channel user), failed codes — more than
/// <see cref="LookupGuardOptions.MaxFailures"/> in <see cref="LookupGuardOptions.Window"/> refuses that source;
/// per dossier code, wrong last-4 guesses from every identity together — <see cref="LookupGuardOptions.MaxWrongDigits"/>
/// in <see cref="LookupGuardOptions.DigitsWindow"/> locks the code's chat verification (its owner's chat needs no
/// digits; staff can unlock). Five guesses a day out of 10,000 possible digits keeps 10,000 guesses below 0.1%.
/// </summary>
public sealed class LookupGuard(OfficeDatabase database, IOptions<LookupGuardOptions> options, TimeProvider time)
{
    public const string CollectionName = "lookup_failures";

    private const string SourcePrefix = "source:";
    private const string CodePrefix = "code:";

    private ILiteCollection<LookupFailures> Failures => database.Collection<LookupFailures>(CollectionName);

    /// <summary>Whether <paramref name="source"/> may try another code.</summary>
    public LookupPermission Check(string source) => Permission(SourcePrefix + Required(source), SourceLimits(), refuseAt: SourceLimits().Max + 1);

    /// <summary>Counts a failed code from <paramref name="source"/>; returns whether it may still try.</summary>
    public LookupPermission RecordFailure(string source) => Record(SourcePrefix + Required(source), SourceLimits(), refuseAt: SourceLimits().Max + 1);

    /// <summary>Whether the last 4 digits of <paramref name="code"/> may be asked for in a chat that does not own it.</summary>
    public LookupPermission CheckCode(string code) => Permission(CodePrefix + Required(code), CodeLimits(), refuseAt: CodeLimits().Max);

    /// <summary>Counts a wrong guess of <paramref name="code"/>'s digits, whoever made it.</summary>
    public LookupPermission RecordWrongDigits(string code) => Record(CodePrefix + Required(code), CodeLimits(), refuseAt: CodeLimits().Max);

    /// <summary>Staff lift a code's lock (after checking with the resident); returns whether it was locked.</summary>
    public bool UnlockCode(string code)
    {
        var locked = !CheckCode(code).Allowed;
        Failures.Delete(CodePrefix + Required(code));
        return locked;
    }

    private LookupPermission Permission(string key, (int Max, TimeSpan Window) limits, int refuseAt)
    {
        var failures = Failures.FindById(key);
        return failures is null ? new LookupPermission(true, null) : Evaluate(Recent(failures, limits.Window), limits.Window, refuseAt);
    }

    private LookupPermission Record(string key, (int Max, TimeSpan Window) limits, int refuseAt) =>
        database.InTransaction(() =>
        {
            var recent = Failures.FindById(key) is { } stored ? Recent(stored, limits.Window) : [];
            recent.Add(time.GetUtcNow().UtcDateTime);
            // Only the latest failures decide, so a flood of them keeps the document small.
            recent = [.. recent.TakeLast(refuseAt)];
            Failures.Upsert(new LookupFailures { Id = key, At = recent });
            return Evaluate(recent, limits.Window, refuseAt);
        });

    /// <summary>Refused while <paramref name="refuseAt"/> failures are in the window; allowed again when the oldest of them leaves it.</summary>
    private static LookupPermission Evaluate(List<DateTime> recent, TimeSpan window, int refuseAt) =>
        recent.Count < refuseAt
            ? new LookupPermission(true, null)
            : new LookupPermission(false, new DateTimeOffset(recent[recent.Count - refuseAt], TimeSpan.Zero) + window);

    private List<DateTime> Recent(LookupFailures failures, TimeSpan window)
    {
        var since = (time.GetUtcNow() - window).UtcDateTime;
        return [.. failures.At.Select(at => DateTime.SpecifyKind(at, DateTimeKind.Utc)).Where(at => at > since).Order()];
    }

    // The options are validated at start-up (positive counts and windows), so they are used as they are.
    private (int Max, TimeSpan Window) SourceLimits() => (options.Value.MaxFailures, options.Value.Window);

    private (int Max, TimeSpan Window) CodeLimits() => (options.Value.MaxWrongDigits, options.Value.DigitsWindow);

    private static string Required(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}
