namespace OneStopBot.Office.Staff;

/// <summary>Configuration section <c>Staff</c>: who may use staff commands, and the key of the staff HTTP API.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Key expected in the <c>X-Api-Key</c> header; when empty the staff API refuses every request.</summary>
    public string ApiKey { get; set; } = string.Empty;

    public List<StaffMember> Members { get; set; } = [];

    public bool IsStaff(string channelId, string userId) => Find(channelId, userId) is not null;

    public StaffMember? Find(string channelId, string userId) =>
        Members.FirstOrDefault(m => string.Equals(m.Channel, channelId, StringComparison.OrdinalIgnoreCase) && m.UserId == userId);

    /// <summary>
    /// The name a member authenticated by their channel acts under (their account when no name is configured),
    /// or null for anyone else.
    /// </summary>
    public string? StaffNameOf(string channelId, string userId) =>
        Find(channelId, userId) is { } member ? (member.Name.Length > 0 ? member.Name : channelId + ":" + userId) : null;
}

/// <summary>A staff member's account on one channel.</summary>
public sealed class StaffMember
{
    public string Channel { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>For the web chat only: this member's own password as a <see cref="StaffPassword"/> hash; empty, no sign-in.</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>What the member may do in the staff workspace; a clerk unless configured otherwise.</summary>
    public StaffRole Role { get; set; } = StaffRole.Clerk;

    /// <summary>
    /// The Id of the commune this member works for; empty in a one-commune deployment means that commune. A province
    /// administrator may leave it empty (all communes) or name the commune they start in.
    /// </summary>
    public string Commune { get; set; } = string.Empty;
}

/// <summary>
/// Roles of the staff workspace: a leader does what a clerk does, and manages the staff accounts of their commune; a
/// province administrator does what a leader does, for every commune.
/// </summary>
public enum StaffRole
{
    Clerk,
    Leader,
    Province,
}
