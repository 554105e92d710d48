using System.ComponentModel.DataAnnotations;
using LiteDB;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Notices;
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

/// <summary>What a guess of a dossier's last 4 phone digits came to.</summary>
public abstract record DigitsCheck
{
    private DigitsCheck()
    {
    }

    /// <summary>The digits are right: the dossier may be shown.</summary>
    public sealed record Verified(Dossier Dossier) : DigitsCheck;

    /// <summary>The digits are wrong and counted; <paramref name="Remaining"/> more wrong guesses lock the code.</summary>
    public sealed record Wrong(int Remaining) : DigitsCheck;

    /// <summary>
    /// The code is locked until <paramref name="RetryAt"/>. <paramref name="ByThisGuess"/>: this guess was compared,
    /// wrong, and locked it; otherwise it was not compared at all.
    /// </summary>
    public sealed record Locked(DateTimeOffset RetryAt, bool ByThisGuess) : DigitsCheck;
}

/// <summary>The failures counted under one key, as stored (UTC).</summary>
public sealed record LookupFailures : ICommuneRecord
{
    /// <summary>The commune it belongs to (its slug).</summary>
    public string Commune { get; init; } = string.Empty;

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
/// A code's count is its commune's (the key names the commune, so another commune can neither read nor reset it); a
/// source's counts across the province, so guessing cannot be spread over communes.
/// </summary>
public sealed class LookupGuard(OfficeDatabase database, DossierStore dossiers, CommuneContext communes, IOptions<LookupGuardOptions> options, TimeProvider time)
{
    public const string CollectionName = "lookup_failures";

    internal const string SourcePrefix = "source:";
    private const string CodePrefix = "code:";

    private ILiteCollection<LookupFailures> Failures => database.Collection<LookupFailures>(CollectionName);

    /// <summary>Whether <paramref name="source"/> may try another code.</summary>
    public LookupPermission Check(string source) => Permission(SourcePrefix + Required(source), SourceLimits(), refuseAt: SourceLimits().Max + 1);

    /// <summary>Counts a failed code from <paramref name="source"/>; returns whether it may still try.</summary>
    public LookupPermission RecordFailure(string source) => Record(SourcePrefix + Required(source), SourceLimits(), refuseAt: SourceLimits().Max + 1);

    /// <summary>Whether the last 4 digits of <paramref name="code"/> may be asked for in a chat that does not own it.</summary>
    public LookupPermission CheckCode(string code) => Permission(CodeKey(code), CodeLimits(), refuseAt: CodeLimits().Max);

    /// <summary>
    /// Compares <paramref name="digits"/> with the last 4 of <paramref name="code"/>'s phone and counts a wrong guess,
    /// whoever makes it, in one transaction: concurrent guesses from any number of chats are counted exactly, and once
    /// the code is locked no guess is compared. <paramref name="warnOwner"/> runs inside that transaction for the one
    /// guess that locks the code, so its owner hears of each lock once and the warning is queued with the count or not
    /// at all.
    /// </summary>
    public DigitsCheck VerifyDigits(string code, string? digits, Action<Dossier, ChatAddress> warnOwner)
    {
        var key = CodeKey(code);
        var limits = CodeLimits();
        ArgumentNullException.ThrowIfNull(warnOwner);
        return database.InTransaction<DigitsCheck>(() =>
        {
            var recent = Failures.FindById(key) is { } stored ? Recent(stored, limits.Window) : [];
            if (Evaluate(recent, limits.Window, refuseAt: limits.Max) is { Allowed: false, RetryAt: { } lockedUntil })
            {
                return new DigitsCheck.Locked(lockedUntil, ByThisGuess: false);
            }
            var dossier = dossiers.FindAsTyped(communes.Current, code);
            if (dossier is not null && dossier.PhoneEndsWith(digits))
            {
                return new DigitsCheck.Verified(dossier);
            }
            var permission = Record(key, limits, refuseAt: limits.Max);
            if (permission is { Allowed: false, RetryAt: { } retryAt })
            {
                if (dossier?.Owner is { } owner)
                {
                    warnOwner(dossier, owner);
                }
                return new DigitsCheck.Locked(retryAt, ByThisGuess: true);
            }
            return new DigitsCheck.Wrong(limits.Max - recent.Count - 1);
        });
    }

    /// <summary>Staff lift a code's lock (after checking with the resident); returns whether it was locked.</summary>
    public bool UnlockCode(string code) =>
        database.InTransaction(() =>
        {
            var locked = !CheckCode(code).Allowed;
            Failures.Delete(CodeKey(code));
            return locked;
        });

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
            Failures.Upsert(new LookupFailures { Id = key, At = recent, Commune = key.StartsWith(CodePrefix, StringComparison.Ordinal) ? communes.Current.Id : string.Empty });
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

    /// <summary>The key of a code's wrong guesses in the current commune: <c>code:phuoc-duc:000.32.30.H49-231120-0012</c>.</summary>
    private string CodeKey(string code) => CodeKeyOf(communes.Current.Id, Required(code));

    internal static string CodeKeyOf(string commune, string code) => CodePrefix + commune + ":" + code;

    internal static bool IsCodeKey(string key) => key.StartsWith(CodePrefix, StringComparison.Ordinal);

    private static string Required(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}
