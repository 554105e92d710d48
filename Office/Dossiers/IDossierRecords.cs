using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// What a storage engine provides for dossiers: persistence only. The office's rules (codes, due dates, idempotent
/// filing, history, audit entries) are <see cref="DossierDesk"/>'s, the same on every engine. Writes run inside the
/// desk's unit of work (<see cref="OfficeWork"/>); every call keeps to the commune it is given.
/// </summary>
public interface IDossierRecords
{
    /// <summary>The dossier with exactly this (normalised) code in the commune, or null.</summary>
    ValueTask<Dossier?> FindAsync(string commune, string code, CancellationToken cancellationToken);

    /// <summary>The same, read inside <paramref name="work"/>: what it returns is what a later save is checked against.</summary>
    ValueTask<Dossier?> FindAsync(OfficeWork work, string commune, string code);

    /// <summary>The dossiers filed from one chat (<see cref="Notices.ChatAddress.ChatKey"/>), newest first.</summary>
    ValueTask<IReadOnlyList<Dossier>> ListByOwnerAsync(string commune, string chatKey, CancellationToken cancellationToken);

    /// <summary>Whether the commune holds no dossier.</summary>
    ValueTask<bool> IsEmptyAsync(string commune, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the commune's next number of <paramref name="day"/> atomically (two hosts never get the same one) and gives
    /// its code; a number whose code <paramref name="format"/> gives is already held (by an imported dossier) is passed over.
    /// </summary>
    ValueTask<string> NextCodeAsync(OfficeWork work, string commune, DateOnly day, Func<int, string> format);

    /// <summary>
    /// Claims an intent to file (<see cref="DossierFiling"/>): null when this unit is the first with that key, else
    /// the code the first one filed. A second host filing the same draft at once waits for the first and gets its code.
    /// </summary>
    ValueTask<string?> ClaimFilingAsync(OfficeWork work, DossierFiling filing);

    /// <summary>Inserts a new dossier, and points its claimed filing (when it has one) at it.</summary>
    ValueTask InsertAsync(OfficeWork work, Dossier dossier, string? filingKey);

    /// <summary>
    /// Saves <paramref name="after"/> over <paramref name="before"/>, as read in the same unit; throws
    /// <see cref="DossierChangedException"/> when another writer saved the dossier meanwhile.
    /// </summary>
    ValueTask SaveAsync(OfficeWork work, Dossier before, Dossier after);

    /// <summary>
    /// Inserts dossiers that carry codes of their own, in order; per dossier, whether it went in (false when its code is
    /// held already, or by an earlier one of the list). Unless <paramref name="lookUpFirst"/>, an engine may throw
    /// <see cref="DossierCodeTakenException"/> instead: the unit is then rolled back and run again looking up first.
    /// </summary>
    ValueTask<IReadOnlyList<bool>> InsertNewAsync(OfficeWork work, IReadOnlyList<Dossier> dossiers, bool lookUpFirst);

    /// <summary>Records a staff action on dossiers in the same unit as the change it describes.</summary>
    ValueTask<StaffAction> AuditAsync(OfficeWork work, StaffAction entry);
}

/// <summary>Another writer saved the dossier after it was read: the change is to be made again on what is stored now.</summary>
public sealed class DossierChangedException(string code) : InvalidOperationException($"Dossier {code} was changed meanwhile.");

/// <summary>A code the engine was asked to insert is held already; the whole unit is rolled back.</summary>
public sealed class DossierCodeTakenException(Exception? inner = null) : InvalidOperationException("A dossier code is taken.", inner);
