using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>Told of every status change, for instance to notify the resident's chat.</summary>
public interface IDossierStatusObserver
{
    /// <summary>
    /// Runs inside the status change's unit of work: synchronous, and what it writes commits with it (on LiteDB the
    /// stores it writes to join the file's transaction).
    /// </summary>
    void OnStatusChanged(Dossier dossier, StatusChange change);
}

/// <summary>Which procedures can owe financial obligations (land taxes and charges); the knowledge of procedures answers it.</summary>
public interface IProcedureObligations
{
    bool HasFinancialObligation(string procedureId);
}

/// <summary>
/// A change of status that the office's rules refuse (see <see cref="DossierStatuses.Refusal"/>), with the reason;
/// the chat and the staff API word it.
/// </summary>
public sealed class DossierStatusRefusedException(StatusRefusal refusal)
    : InvalidOperationException($"{refusal.Kind}: {refusal.From} to {refusal.To}")
{
    public StatusRefusal Refusal { get; } = refusal;
}

/// <summary>
/// The one place where staff change a dossier's status (from chat or from the staff API): the office's rules are
/// checked, the store records and audits the change and every registered observer hears of it, all in one
/// transaction, so that a crash or a failing observer never leaves a status change without its notification (or a
/// notification without its change).
/// </summary>
public sealed class DossierUpdates(
    IUnitOfWork unitOfWork,
    IDossierStore store,
    IEnumerable<IDossierStatusObserver> observers,
    IProcedureObligations obligations)
{
    /// <summary>Why the change would break the office's rules; null when it may be made.</summary>
    public StatusRefusal? Refusal(Dossier dossier, DossierStatus status, string? note) =>
        DossierStatuses.Refusal(dossier.Status, status, note, obligations.HasFinancialObligation(dossier.ProcedureId));

    /// <summary>Changes the status; null when no dossier has that code.</summary>
    /// <exception cref="DossierValidationException">The note is too long.</exception>
    /// <exception cref="DossierStatusRefusedException">The office's rules do not allow this change.</exception>
    public Task<Dossier?> ChangeStatusAsync(string code, DossierStatus status, string staff, string? note, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async work =>
        {
            if (await store.FindAsync(code, work.Cancellation) is not { } current)
            {
                return null;
            }
            if (Refusal(current, status, note) is { } reason)
            {
                throw new DossierStatusRefusedException(reason);
            }
            // Joins this unit: the change and what the observers write commit together.
            var dossier = await store.ChangeStatusAsync(code, status, staff, note, work.Cancellation);
            if (dossier is null)
            {
                return null;
            }
            var change = dossier.History[^1];
            foreach (var observer in observers)
            {
                observer.OnStatusChanged(dossier, change);
            }
            return dossier;
        }, cancellationToken);
}

/// <summary>Without knowledge of the procedures, no procedure is taken to owe financial obligations.</summary>
internal sealed class NoFinancialObligations : IProcedureObligations
{
    public bool HasFinancialObligation(string procedureId) => false;
}
