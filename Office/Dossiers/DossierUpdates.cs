using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>Told of every status change, for instance to notify the resident's chat.</summary>
public interface IDossierStatusObserver
{
    /// <summary>Runs inside the status change's transaction: synchronous, and what it writes commits with it.</summary>
    void OnStatusChanged(Dossier dossier, StatusChange change);
}

/// <summary>
/// The one place where staff change a dossier's status (from chat or from the staff API): the store records and
/// audits the change and every registered observer hears of it, all in one transaction, so that a crash or a
/// failing observer never leaves a status change without its notification (or a notification without its change).
/// </summary>
public sealed class DossierUpdates(OfficeDatabase database, DossierStore store, IEnumerable<IDossierStatusObserver> observers)
{
    /// <summary>Changes the status; null when no dossier has that code.</summary>
    /// <exception cref="DossierValidationException">The note is too long.</exception>
    public Dossier? ChangeStatus(string code, DossierStatus status, string staff, string? note) =>
        database.InTransaction(() =>
        {
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
