using LiteDB;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>
/// What the workspace's dossier list asks: <paramref name="Text"/> is a code, a phone number or its last 4 digits, or
/// part of a name; <paramref name="Before"/> is the id the previous page ended at (keyset paging, newest first).
/// </summary>
public sealed record DossierQuery(
    string? Text = null,
    DossierStatus? Status = null,
    string? ProcedureId = null,
    string? Village = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int? Before = null);

/// <summary>
/// One page of the list. <paramref name="NextBefore"/> continues after the last dossier read (null at the end);
/// <paramref name="Scanned"/> is how many dossiers were read to fill it.
/// </summary>
public sealed record DossierPage(IReadOnlyList<Dossier> Items, int? NextBefore, int Scanned);

/// <summary>The clerk's first screen: dossiers due or overdue, and pre-registered residents coming soon.</summary>
public sealed record DossiersToday(IReadOnlyList<Dossier> Due, IReadOnlyList<Dossier> PreRegistered);

/// <summary>
/// Reads dossiers for the staff workspace with bounded work whatever the size of the collection: a code, a phone or its
/// last 4 digits go straight through an index; other filters read dossiers newest first by id from where the last page
/// ended, and stop after a page is full or <see cref="MaxScanned"/> have been read, so each request costs at most that
/// much and the next page carries on from there.
/// </summary>
public sealed class DossierSearch(OfficeDatabase database, CommuneContext communes, WorkingCalendar calendar)
{
    public const int PageSize = 25;

    /// <summary>Dossiers read at most to fill one page of a filtered list.</summary>
    public const int MaxScanned = 20_000;

    /// <summary>Dossiers shown at most in each list of the Today page.</summary>
    public const int TodayLimit = 100;

    /// <summary>Pre-registered residents are shown from this many days ahead of their appointment.</summary>
    public const int PrepareDaysAhead = 2;

    /// <summary>
    /// One key per dossier the office must act on: a pre-registration's appointment day, an open dossier's due day;
    /// nothing for the others, so the Today page reads only these.
    /// </summary>
    internal const string WorkdayExpression =
        "IIF($.Status = 'PreRegistered', $.AppointmentDate, "
        + "IIF($.Status = 'Received' OR $.Status = 'InProgress' OR $.Status = 'SupplementRequested' OR $.Status = 'PaymentRequested' OR $.Status = 'FinancialObligation', $.DueDate, null))";

    /// <summary>The last 4 digits of the phone (stored as 10 digits or empty; padding keeps the empty one in range).</summary>
    internal const string PhoneTailExpression = "SUBSTRING(LPAD($.Phone, 10, ' '), 6, 4)";

    private ILiteCollection<Dossier> Dossiers => database.Collection<Dossier>(DossierStore.CollectionName);

    public DossierPage Find(DossierQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Text?.Trim() ?? string.Empty;
        if (text.Length > 0 && Indexed(text) is { } indexed)
        {
            // Few dossiers share a code, a phone or its last 4 digits (about 100 per tail in a million): read them all.
            var found = Dossiers.In(communes.Current.Id, indexed).ToEnumerable()
                .Where(d => (query.Before is not { } end || d.Id < end) && Matches(d, query with { Text = null }))
                .OrderByDescending(d => d.Id).Take(PageSize + 1).ToList();
            var page = found.Take(PageSize).ToList();
            return new DossierPage(page, found.Count > PageSize ? page[^1].Id : null, found.Count);
        }
        var folded = FoldedName.Of(text);
        var items = new List<Dossier>();
        var scanned = 0;
        int? last = null;
        var here = communes.Current.Id;
        var source = query.Before is { } before
            ? Dossiers.In(here).Where(BsonExpression.Create("_id < @0", before)).OrderByDescending("_id")
            : Dossiers.In(here).OrderByDescending("_id");
        foreach (var dossier in source.Limit(MaxScanned).ToEnumerable())
        {
            scanned++;
            last = dossier.Id;
            if (Matches(dossier, query) && (folded.Length == 0 || FoldedName.Of(dossier.ApplicantName).Contains(folded, StringComparison.Ordinal)))
            {
                items.Add(dossier);
                if (items.Count == PageSize)
                {
                    break;
                }
            }
        }
        var more = last is { } end && Dossiers.In(here).Where(BsonExpression.Create("_id < @0", end)).Exists();
        return new DossierPage(items, more ? last : null, scanned);
    }

    /// <summary>Open dossiers due today or earlier, and pre-registrations whose day is within <see cref="PrepareDaysAhead"/> days (or past).</summary>
    public DossiersToday Today()
    {
        var today = calendar.Today;
        var keys = Dossiers.In(communes.Current.Id).Where(Filter.Between(WorkdayExpression, DateOnly.MinValue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            today.AddDays(PrepareDaysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var due = keys.Where(d => d.Status.IsInProgress() && d.DueDate <= today).OrderBy(d => d.DueDate).ThenBy(d => d.Id).Take(TodayLimit).ToList();
        var coming = keys.Where(d => d.Status == DossierStatus.PreRegistered).OrderBy(d => d.AppointmentDate).ThenBy(d => d.Id).Take(TodayLimit).ToList();
        return new DossiersToday(due, coming);
    }

    private BsonExpression? Indexed(string text)
    {
        if (DossierCode.TryNormalize(text, communes.Current.Office.AgencyCode, out var code))
        {
            return Filter.Equal(nameof(Dossier.Code), code);
        }
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 4 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '*' or '.'))
        {
            return Filter.Equal(PhoneTailExpression, digits);
        }
        return PersonalNumbers.TryNormalizePhone(text, out var phone) ? Filter.Equal(nameof(Dossier.Phone), phone) : null;
    }

    private bool Matches(Dossier dossier, DossierQuery query)
    {
        if (query.Status is { } status && dossier.Status != status
            || query.ProcedureId is { Length: > 0 } procedure && dossier.ProcedureId != procedure
            || query.Village is { Length: > 0 } village && dossier.Village != village)
        {
            return false;
        }
        var filed = calendar.LocalDate(dossier.CreatedAt);
        return !(query.From is { } from && filed < from || query.To is { } to && filed > to);
    }
}

/// <summary>The two expression indexes the workspace reads: the day the office must act on a dossier, and the phone's last 4 digits.</summary>
internal sealed class DossierSearchSetup : ICollectionSetup
{
    public void Configure(OfficeDatabase database)
    {
        var dossiers = database.Collection<Dossier>(DossierStore.CollectionName);
        dossiers.EnsureIndex("workday", DossierSearch.WorkdayExpression);
        dossiers.EnsureIndex("phoneTail", DossierSearch.PhoneTailExpression);
    }
}
