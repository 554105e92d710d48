using Microsoft.Extensions.Logging;

namespace OneStopBot.Office.Dossiers;

/// <summary>Told of every status change, for instance to notify the resident's chat.</summary>
public interface IDossierStatusObserver
{
    void OnStatusChanged(Dossier dossier, StatusChange change);
}

/// <summary>
/// The one place where staff change a dossier's status (from chat or from the staff API): the store records and
/// audits the change, then every registered observer hears of it.
/// </summary>
public sealed partial class DossierUpdates(DossierStore store, IEnumerable<IDossierStatusObserver> observers, ILogger<DossierUpdates> logger)
{
    /// <summary>Changes the status; null when no dossier has that code.</summary>
    /// <exception cref="DossierValidationException">The note is too long.</exception>
    public Dossier? ChangeStatus(string code, DossierStatus status, string staff, string? note)
    {
        var dossier = store.ChangeStatus(code, status, staff, note);
        if (dossier is null)
        {
            return null;
        }
        var change = dossier.History[^1];
        foreach (var observer in observers)
        {
            // The change is already saved: one failing observer must not hide it from the others.
            try
            {
                observer.OnStatusChanged(dossier, change);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogObserverFailed(error, observer.GetType().Name, dossier.Code);
            }
        }
        return dossier;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Observer} failed on the status change of dossier {Code}")]
    private partial void LogObserverFailed(Exception error, string observer, string code);
}
