using System.Security.Cryptography;
using LiteDB;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Staff;

/// <summary>
/// What the workspace changed about a configured member: disabled by a leader, or a password a leader reset (which
/// replaces the configured hash). Members themselves stay in configuration.
/// </summary>
public sealed record StaffAccountState
{
    /// <summary>The member's web chat user id.</summary>
    public required string Id { get; init; }

    public bool Disabled { get; init; }

    /// <summary>A reset password's hash; null while the configured one applies.</summary>
    public string? PasswordHash { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    public string? ChangedBy { get; init; }
}

/// <summary>A signed-in workspace session; the cookie names it, and it counts only while it is stored and not ended.</summary>
public sealed record StaffSession
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public DateTimeOffset StartedAt { get; init; }
}

/// <summary>
/// The workspace's accounts and sessions in LiteDB. A session lives here as well as in the browser's cookie, so signing
/// out, disabling a member or resetting their password ends it on the server at once, whatever the cookie says.
/// </summary>
public sealed class StaffAccountStore(OfficeDatabase database, IStaffAuditLog audit, TimeProvider time) : IStaffAccountStore
{
    public const string AccountsCollectionName = "staff_accounts";
    public const string SessionsCollectionName = "staff_sessions";

    private ILiteCollection<StaffAccountState> Accounts => database.Collection<StaffAccountState>(AccountsCollectionName);

    private ILiteCollection<StaffSession> Sessions => database.Collection<StaffSession>(SessionsCollectionName);

    public StaffAccountState? Find(string userId) => Accounts.FindById(userId);

    public string StartSession(string userId)
    {
        var session = new StaffSession { Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), UserId = userId, StartedAt = time.GetUtcNow() };
        Sessions.Insert(session);
        return session.Id;
    }

    public bool IsLive(string sessionId, string userId) =>
        Sessions.FindById(sessionId) is { } session && session.UserId == userId && Find(userId) is not { Disabled: true };

    public void EndSession(string sessionId) => Sessions.Delete(sessionId);

    public void SetDisabled(string userId, bool disabled, string by) =>
        database.InTransaction(() =>
        {
            var state = Find(userId) ?? new StaffAccountState { Id = userId };
            Accounts.Upsert(state with { Disabled = disabled, ChangedAt = time.GetUtcNow(), ChangedBy = by });
            var ended = disabled ? EndSessionsOf(userId) : 0;
            audit.Record(by, disabled ? "staff.disable" : "staff.enable", userId, ended > 0 ? $"{ended} sessions ended" : null);
            return ended;
        });

    public void ResetPassword(string userId, string passwordHash, string by) =>
        database.InTransaction(() =>
        {
            var state = Find(userId) ?? new StaffAccountState { Id = userId };
            Accounts.Upsert(state with { PasswordHash = passwordHash, ChangedAt = time.GetUtcNow(), ChangedBy = by });
            EndSessionsOf(userId);
            return audit.Record(by, "staff.password-reset", userId);
        });

    private int EndSessionsOf(string userId) => Sessions.DeleteMany(Filter.Equal(nameof(StaffSession.UserId), userId));
}

/// <summary>Index of the sessions by member, so a leader's change ends a member's sessions without a scan.</summary>
internal sealed class StaffAccountSetup : ICollectionSetup
{
    public void Configure(OfficeDatabase database) =>
        database.Collection<StaffSession>(StaffAccountStore.SessionsCollectionName).EnsureIndex(s => s.UserId);
}
