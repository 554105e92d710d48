using LiteDB;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Staff;

/// <summary>One thing a staff member did.</summary>
public sealed record StaffAction
{
    public int Id { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Who: a staff member's name or account, or the staff API.</summary>
    public required string Staff { get; init; }

    /// <summary>What, as a short verb: <c>dossier.create</c>, <c>dossier.status</c>, <c>dossier.import</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to, such as a dossier code.</summary>
    public string? Target { get; init; }

    /// <summary>Details without personal data.</summary>
    public string? Details { get; init; }
}

/// <summary>The audit log of every staff action (who, when, what).</summary>
public sealed class StaffAuditLog(OfficeDatabase database, TimeProvider time) : IStaffAuditLog
{
    public const string CollectionName = "staff_audit";

    private ILiteCollection<StaffAction> Actions => database.Collection<StaffAction>(CollectionName);

    /// <summary>Records an action now. Call it inside the transaction of the change it describes, so both happen or neither.</summary>
    public StaffAction Record(string staff, string action, string? target = null, string? details = null) =>
        Record(staff, action, target, details, time.GetUtcNow());

    internal StaffAction Record(string staff, string action, string? target, string? details, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var entry = new StaffAction { At = at, Staff = staff, Action = action, Target = target, Details = details };
        var id = Actions.Insert(entry);
        return entry with { Id = id.AsInt32 };
    }

    /// <summary>Records many actions at once, inside the transaction of the changes they describe.</summary>
    internal void RecordAll(IEnumerable<StaffAction> entries) => Actions.InsertBulk(entries);

    /// <summary>The latest actions, newest first.</summary>
    public IReadOnlyList<StaffAction> Recent(int count) =>
        Actions.Query().OrderByDescending(a => a.Id).Limit(Math.Clamp(count, 1, 1000)).ToList();

    /// <summary>Every action on one target (a dossier code), oldest first.</summary>
    public IReadOnlyList<StaffAction> ForTarget(string target) =>
        Actions.Query().Where(a => a.Target == target).OrderBy(a => a.Id).ToList();
}

/// <summary>
/// Indexes of the audit log: the target only. The log is read newest first by id; an index on the time, which no
/// query read, cost every row an import writes.
/// </summary>
internal sealed class StaffAuditSetup : ICollectionSetup
{
    public void Configure(OfficeDatabase database)
    {
        var actions = database.Collection<StaffAction>(StaffAuditLog.CollectionName);
        actions.EnsureIndex(a => a.Target);
        actions.DropIndex(nameof(StaffAction.At));
    }
}
