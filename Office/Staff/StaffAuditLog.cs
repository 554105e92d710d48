using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Staff;

/// <summary>One thing a staff member did.</summary>
public sealed record StaffAction : ICommuneRecord
{
    public int Id { get; init; }

    /// <summary>The commune the action was done for.</summary>
    public string Commune { get; init; } = string.Empty;

    public DateTimeOffset At { get; init; }

    /// <summary>Who: a staff member's name or account, or the staff API.</summary>
    public required string Staff { get; init; }

    /// <summary>What, as a short verb: <c>dossier.create</c>, <c>dossier.status</c>, <c>dossier.import</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to, such as a dossier code.</summary>
    public string? Target { get; init; }

    /// <summary>
    /// Everything one action was done to at once, such as the dossiers of one import batch: one entry for the batch
    /// instead of one per dossier, and still found by each of them (<see cref="IStaffAuditLog.ForTarget"/>).
    /// </summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>Details without personal data.</summary>
    public string? Details { get; init; }

    /// <summary>The entry as every engine stores it: checked, stamped with <paramref name="commune"/>, its id left to the store.</summary>
    internal StaffAction ToStore(string commune)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Staff);
        ArgumentException.ThrowIfNullOrWhiteSpace(Action);
        return this with { Id = 0, Commune = commune };
    }
}

/// <summary>The audit log of every staff action (who, when, what).</summary>
public sealed class StaffAuditLog(OfficeDatabase database, CommuneContext communes, TimeProvider time) : IStaffAuditLog
{
    public const string CollectionName = "staff_audit";

    private ILiteCollection<StaffAction> Actions => database.Collection<StaffAction>(CollectionName);

    /// <summary>Records an action now. Call it inside the transaction of the change it describes, so both happen or neither.</summary>
    public StaffAction Record(string staff, string action, string? target = null, string? details = null) =>
        Record(new StaffAction { At = time.GetUtcNow(), Staff = staff, Action = action, Target = target, Details = details });

    /// <summary>Records an entry as given, its time included (a batch's, or a change dated in the past).</summary>
    public StaffAction Record(StaffAction entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stamped = entry.ToStore(communes.Current.Id);
        var id = Actions.Insert(stamped);
        return stamped with { Id = id.AsInt32 };
    }

    /// <summary>The latest actions, newest first.</summary>
    public IReadOnlyList<StaffAction> Recent(int count) =>
        Actions.In(communes.Current.Id).OrderByDescending(a => a.Id).Limit(Math.Clamp(count, 1, 1000)).ToList();

    /// <summary>The latest actions of one person, newest first.</summary>
    public IReadOnlyList<StaffAction> ByStaff(string staff, int count) =>
        Actions.In(communes.Current.Id, Filter.Equal(nameof(StaffAction.Staff), staff)).OrderByDescending("_id").Limit(Math.Clamp(count, 1, 1000)).ToList();

    /// <summary>
    /// Every action on one target (a dossier code), oldest first; an action on many (<see cref="StaffAction.Targets"/>)
    /// is given as done to this one.
    /// </summary>
    public IReadOnlyList<StaffAction> ForTarget(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var here = communes.Current.Id;
        var alone = Actions.In(here, Filter.Equal(nameof(StaffAction.Target), target)).ToEnumerable();
        var together = Actions.In(here, Filter.AnyEqual(StaffAuditSetup.TargetsExpression, target)).ToEnumerable().Select(a => a with { Target = target, Targets = null });
        return alone.Concat(together).OrderBy(a => a.Id).ToList();
    }
}

/// <summary>
/// Indexes of the audit log: the target, the person (the workspace filters by them), and each of the targets of an action on many (a multikey index). The log is
/// read newest first by id; an index on the time, which no query read, cost every row an import writes.
/// </summary>
internal sealed class StaffAuditSetup : ICollectionSetup
{
    /// <summary>The index expression of the targets: one key per target.</summary>
    internal const string TargetsExpression = "$.Targets[*]";

    public void Configure(OfficeDatabase database)
    {
        var actions = database.Collection<StaffAction>(StaffAuditLog.CollectionName);
        actions.EnsureIndex(a => a.Target);
        actions.EnsureIndex(a => a.Staff);
        actions.EnsureCommuneIndex();
        actions.EnsureIndex("targets", TargetsExpression);
        actions.DropIndex(nameof(StaffAction.At));
    }
}
