using Microsoft.Extensions.Options;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Edge;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>The outcome of a staff member's name and password.</summary>
public abstract record CredentialCheck
{
    private CredentialCheck()
    {
    }

    /// <summary>The client's address has used up its failed attempts: the password was not even compared.</summary>
    public sealed record Blocked : CredentialCheck;

    /// <summary>No such member, a disabled one, or the wrong password: the answer does not say which.</summary>
    public sealed record Wrong : CredentialCheck;

    public sealed record Member(StaffMember Account, string Name) : CredentialCheck;
}

/// <summary>
/// The one check of a web chat member's name and password, for the staff chat's token and the workspace's session
/// alike: the attempt is counted against the client's address before the password is compared and taken back when it
/// was right; an unknown or disabled member's password is hashed against a hash nothing matches, so the answer takes as
/// long; a password a leader reset replaces the configured one.
/// </summary>
public sealed class StaffCredentials(
    FailedCredentials failed, IStaffPasswordCheck passwords, IOptionsMonitor<StaffOptions> staff, IStaffAccountStore accounts)
{
    public CredentialCheck Check(HttpContext http, string? user, string? password)
    {
        if (failed.TryBegin(http) is not { } attempt)
        {
            return new CredentialCheck.Blocked();
        }
        var member = user is null ? null : Find(user);
        var state = member is null ? null : accounts.Find(member.UserId);
        var hash = state?.PasswordHash ?? member?.PasswordHash;
        var usable = member is not null && hash is { Length: > 0 } && state is not { Disabled: true };
        var matches = passwords.Matches(password, usable ? hash! : StaffPassword.Unmatchable);
        if (!usable || !matches)
        {
            return new CredentialCheck.Wrong();
        }
        attempt.Succeeded();
        return new CredentialCheck.Member(member!, staff.CurrentValue.StaffNameOf(member!.Channel, member.UserId)!);
    }

    /// <summary>The web chat member with this user id, if configured with a password (configured or reset).</summary>
    public StaffMember? Find(string userId) =>
        staff.CurrentValue.Members.FirstOrDefault(m =>
            string.Equals(m.Channel, DirectLineAdapter.ChannelId, StringComparison.OrdinalIgnoreCase) && m.UserId == userId
            && (m.PasswordHash.Length > 0 || accounts.Find(m.UserId)?.PasswordHash is not null));

    /// <summary>Every web chat member, for the leader's list.</summary>
    public IReadOnlyList<StaffMember> WebMembers() =>
        [.. staff.CurrentValue.Members.Where(m => string.Equals(m.Channel, DirectLineAdapter.ChannelId, StringComparison.OrdinalIgnoreCase))];
}
