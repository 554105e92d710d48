using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>Told of every status change, for instance to notify the resident's chat.</summary>
public interface IDossierStatusObserver
{
    /// <summary>Runs inside the status change's transaction: synchronous, and what it writes commits with it.</summary>
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
    OfficeDatabase database,
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
    public Dossier? ChangeStatus(string code, DossierStatus status, string staff, string? note) =>
        database.InTransaction(() =>
        {
            if (store.Find(code) is not { } current)
            {
                return null;
            }
            if (Refusal(current, status, note) is { } reason)
            {
                throw new DossierStatusRefusedException(reason);
            }
            var dossier = store.ChangeStatus(code, status, staff, note);
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
        });
}

/// <summary>Without knowledge of the procedures, no procedure is taken to owe financial obligations.</summary>
internal sealed class NoFinancialObligations : IProcedureObligations
{
    public bool HasFinancialObligation(string procedureId) => false;
}
