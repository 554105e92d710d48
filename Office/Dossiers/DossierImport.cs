using System.Globalization;
using System.Text;
using LiteDB;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Dossiers;

/// <summary>What happened to one row of an import: imported, or the reason it was not.</summary>
public sealed record DossierImportRow(int Line, string? Code, DossierImportReason? Reason)
{
    public bool Imported => Reason is null;
}

/// <summary>Why a row, or the whole file (line 1), was not imported. Office names the reason; the caller words it.</summary>
public enum DossierImportProblem
{
    /// <summary>No header line.</summary>
    EmptyFile,

    /// <summary>Columns are missing; the arguments name them (code, procedure, name, phone, village, status, received).</summary>
    MissingColumns,

    /// <summary>More than <see cref="DossierImport.MaxRows"/> rows: the rest is not read.</summary>
    TooManyRows,

    /// <summary>The rest of the file cannot be read as CSV.</summary>
    UnreadableRest,

    /// <summary>The row is not well-formed CSV (a stray quote).</summary>
    MalformedRow,

    /// <summary>The code is not a dossier code; the arguments are an example of one and the code as written, cut to 30 characters.</summary>
    BadCode,

    /// <summary>
    /// The status is none of the names <see cref="DossierStatuses.TryRead"/> knows; the argument is the status as
    /// written, cut to 30 characters.
    /// </summary>
    UnknownStatus,

    /// <summary>The received date cannot be read; the argument is the date as written, cut to 30 characters.</summary>
    BadReceivedDate,

    /// <summary>The received date is after now; the argument is the date as written.</summary>
    ReceivedInFuture,

    /// <summary>The dossier's fields are not valid; <see cref="DossierImportReason.FieldErrors"/> says which and why.</summary>
    InvalidDossier,

    /// <summary>A stored dossier, or an earlier row, has the code.</summary>
    CodeTaken,

    /// <summary>The database refused the row; it may go in when tried again.</summary>
    NotSaved,
}

/// <summary>A reason with its arguments.</summary>
public sealed record DossierImportReason(DossierImportProblem Problem, params IReadOnlyList<string> Arguments)
{
    /// <summary>The field errors of <see cref="DossierImportProblem.InvalidDossier"/>, as the dossier's validation gives them.</summary>
    public IReadOnlyList<DossierValidationError>? FieldErrors { get; init; }
}

/// <summary>
/// One line of a plan: the dossier it would file (null when it cannot, with the reason), its code and status when those
/// cells can be read (even if others cannot: a known dossier needs no more), and its note if the file has one.
/// </summary>
public sealed record PlannedImportRow(int Line, string? Code, DossierStatus? Status, ImportedDossier? Dossier, DossierImportReason? Reason, string? Note);

/// <summary>What an import would do: the header's problem (then no lines), or each line checked.</summary>
public sealed record DossierImportPlan(DossierImportRow? HeaderProblem, IReadOnlyList<PlannedImportRow> Rows);

/// <summary>The per-row report of an import.</summary>
public sealed record DossierImportReport(IReadOnlyList<DossierImportRow> Rows)
{
    public int Imported => Rows.Count(r => r.Imported);

    public int Rejected => Rows.Count(r => !r.Imported);
}

/// <summary>
/// Imports dossiers from the provincial system's CSV export (columns: code, procedure, name, phone, village, status,
/// received date; English or Vietnamese headers, comma or semicolon). Each row is imported whole or not at all, and a
/// bad row is reported without stopping the good ones.
/// </summary>
public sealed class DossierImport(IDossierArchive archive, WorkingCalendar calendar, CommuneContext communes, TimeProvider time)
{
    public const int MaxRows = ImportTable.MaxRows;

    /// <summary>Rows written per transaction: one commit to disk for many rows instead of one each.</summary>
    public const int BatchSize = 500;

    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d-M-yyyy", "d-M-yyyy H:mm",
        "yyyy-MM-dd", "yyyy-MM-dd H:mm", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd'T'H:mm", "yyyy-MM-dd'T'H:mm:ss",
    ];

    // Accepted header names, folded (lower case, no diacritics, no spaces or punctuation); a column's place here is
    // its index in a row's fields.
    private static readonly (string Column, string[] Names)[] Columns =
    [
        ("code", ["code", "mahoso", "ma", "sohoso"]),
        ("procedure", ["procedure", "procedureid", "thutuc", "mathutuc"]),
        ("name", ["name", "applicantname", "hoten", "ten", "nguoinop"]),
        ("phone", ["phone", "sodienthoai", "dienthoai", "sdt"]),
        ("village", ["village", "thon", "thonban"]),
        ("status", ["status", "trangthai"]),
        ("received", ["receiveddate", "received", "ngaynhan", "ngaytiepnhan"]),
    ];

    // The optional column of a note for the resident (what is missing, owed, or why), read by the plan.
    private static readonly string[] NoteNames = ["note", "ghichu", "lydo", "noidung", "ykien"];

    // Column indexes, as in Columns.
    private const int Code = 0, Procedure = 1, Name = 2, Phone = 3, Village = 4, Status = 5, Received = 6;

    /// <summary>
    /// Reads <paramref name="csv"/> and imports its good rows as <paramref name="staff"/>; each dossier's first step
    /// carries <paramref name="note"/> (the caller's words for where it came from).
    /// </summary>
    public Task<DossierImportReport> ImportAsync(TextReader csv, string staff, string? note, CancellationToken cancellationToken = default) =>
        ImportAsync(ImportTable.ReadCsv(csv), staff, note, cancellationToken);

    /// <summary>The same for an export already read (a CSV or a workbook).</summary>
    public async Task<DossierImportReport> ImportAsync(ImportTable table, string staff, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        if (Locate(table.Header) is { } headerProblem)
        {
            return new DossierImportReport([headerProblem]);
        }
        var positions = Positions(table.Header);
        var rows = new List<DossierImportRow>();
        var batch = new List<CsvRow>(BatchSize);
        var context = new BatchContext(staff, note);
        foreach (var line in table.Lines)
        {
            batch.Add(Fields(line, positions));
            if (batch.Count == BatchSize)
            {
                await ImportBatchAsync(batch, context, rows, cancellationToken);
            }
        }
        await ImportBatchAsync(batch, context, rows, cancellationToken);
        if (table.End is { } end)
        {
            rows.Add(end);
        }
        return new DossierImportReport(rows.OrderBy(r => r.Line).ToList());
    }

    /// <summary>
    /// Checks every line of <paramref name="table"/> as the import does, and stores nothing: per line the dossier it
    /// would file, or why it cannot. The header's problem alone when its columns are missing.
    /// </summary>
    public DossierImportPlan Plan(ImportTable table, string staff, string? note)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        if (Locate(table.Header) is { } headerProblem)
        {
            return new DossierImportPlan(headerProblem, []);
        }
        var positions = Positions(table.Header);
        var notePosition = Position(table.Header, NoteNames);
        var context = new BatchContext(staff, note);
        var now = time.GetUtcNow();
        var rows = table.Lines.Select(line =>
        {
            var fields = Fields(line, positions);
            var row = Check(fields, context, now);
            var rowNote = notePosition >= 0 && notePosition < line.Cells.Count && line.Cells[notePosition].Length > 0 ? line.Cells[notePosition] : null;
            DossierStatus? status = row.Code is not null && DossierStatuses.TryRead(fields.Fields[Status], out var read) ? read : null;
            return new PlannedImportRow(row.Line, row.Code, status, row.Dossier, row.Reason, rowNote);
        }).ToList();
        if (table.End is { } end)
        {
            rows.Add(new PlannedImportRow(end.Line, null, null, null, end.Reason, null));
        }
        return new DossierImportPlan(null, rows);
    }

    // The header's problem (empty, or columns missing), or null when every column is there.
    private static DossierImportRow? Locate(IReadOnlyList<string> header)
    {
        if (header.Count == 0)
        {
            return new DossierImportRow(1, null, new DossierImportReason(DossierImportProblem.EmptyFile));
        }
        var positions = Positions(header);
        var missing = Columns.Where((_, i) => positions[i] < 0).Select(c => c.Column).ToList();
        return missing.Count > 0 ? new DossierImportRow(1, null, new DossierImportReason(DossierImportProblem.MissingColumns, missing)) : null;
    }

    private static int[] Positions(IReadOnlyList<string> header) => Columns.Select(c => Position(header, c.Names)).ToArray();

    private static int Position(IReadOnlyList<string> header, string[] names)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (names.Contains(FoldedName.Of(header[i])))
            {
                return i;
            }
        }
        return -1;
    }

    private static CsvRow Fields(ImportLine line, int[] positions)
    {
        var fields = new string[Columns.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = positions[i] < line.Cells.Count ? line.Cells[positions[i]].Trim() : string.Empty;
        }
        return new CsvRow(line.Line, line.Malformed, fields);
    }

    // The batch's good rows go in with one transaction; should it fail unexpectedly, it is undone and the rows are
    // taken one by one, so every good row still goes in whole and a failing one alone is reported.
    private async Task ImportBatchAsync(List<CsvRow> batch, BatchContext context, List<DossierImportRow> report, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var rows = batch.Select(row => Check(row, context, now)).ToList();
        report.AddRange(rows.Where(r => r.Dossier is null).Select(r => new DossierImportRow(r.Line, r.Code, r.Reason)));
        var good = rows.Where(r => r.Dossier is not null).ToList();
        try
        {
            Report(good, await archive.InsertImportedAsync(good.Select(r => r.Dossier!).ToList(), context.Staff, now, cancellationToken), report);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            foreach (var row in good)
            {
                try
                {
                    Report([row], await archive.InsertImportedAsync([row.Dossier!], context.Staff, now, cancellationToken), report);
                }
                catch (Exception failure) when (IsStorageFailure(failure))
                {
                    report.Add(new DossierImportRow(row.Line, row.Code, new DossierImportReason(DossierImportProblem.NotSaved)));
                }
            }
        }
        batch.Clear();
    }

    private static readonly DossierImportReason CodeTaken = new(DossierImportProblem.CodeTaken);

    // What either engine throws when a write fails: LiteDB's own exception, or a database driver's.
    private static bool IsStorageFailure(Exception e) => e is LiteException or System.Data.Common.DbException;

    private static void Report(List<CheckedRow> rows, IReadOnlyList<bool> inserted, List<DossierImportRow> report) =>
        report.AddRange(rows.Select((row, i) => new DossierImportRow(row.Line, row.Code, inserted[i] ? null : CodeTaken)));

    private CheckedRow Check(CsvRow row, BatchContext context, DateTimeOffset now)
    {
        var line = row.Line;
        var fields = row.Fields;
        if (row.Malformed)
        {
            return CheckedRow.Rejected(line, null, new DossierImportReason(DossierImportProblem.MalformedRow));
        }
        var agency = communes.Current.Office.AgencyCode;
        if (!DossierCode.TryNormalize(fields[Code], agency, out var code))
        {
            return CheckedRow.Rejected(line, null, new DossierImportReason(DossierImportProblem.BadCode, DossierCode.Example(agency), Truncate(fields[Code])));
        }
        if (!DossierStatuses.TryRead(fields[Status], out var status))
        {
            return CheckedRow.Rejected(line, code, new DossierImportReason(DossierImportProblem.UnknownStatus, Truncate(fields[Status])));
        }
        if (!TryParseReceived(fields[Received], out var received))
        {
            return CheckedRow.Rejected(line, code, new DossierImportReason(DossierImportProblem.BadReceivedDate, Truncate(fields[Received])));
        }
        if (received > now)
        {
            return CheckedRow.Rejected(line, code, new DossierImportReason(DossierImportProblem.ReceivedInFuture, Truncate(fields[Received])));
        }

        var request = DossierValidation.Normalize(
            new NewDossier
            {
                ProcedureId = fields[Procedure],
                ApplicantName = fields[Name],
                Phone = fields[Phone],
                Village = fields[Village],
                Submission = Submission.InPerson,
            },
            communes.Current.Office.Villages,
            out var errors);
        if (errors.Count > 0)
        {
            return CheckedRow.Rejected(line, code, new DossierImportReason(DossierImportProblem.InvalidDossier) { FieldErrors = errors });
        }

        // The provincial system gives the current status only: it is dated now, after the reception.
        List<StatusChange> history = status == DossierStatus.PreRegistered
            ? [new StatusChange { At = now, Status = status, Actor = context.Staff, Note = context.Note }]
            : [new StatusChange { At = received, Status = DossierStatus.Received, Actor = context.Staff, Note = context.Note }];
        if (status is not (DossierStatus.PreRegistered or DossierStatus.Received))
        {
            history.Add(new StatusChange { At = now, Status = status, Actor = context.Staff });
        }
        return new CheckedRow(line, code, new ImportedDossier(request, code, history), null);
    }

    private bool TryParseReceived(string text, out DateTimeOffset received)
    {
        received = default;
        if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return false;
        }
        // Dates in the file are the office's local time.
        received = new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
        return true;
    }

    // A row's fields in the order of Columns.
    private sealed record CsvRow(int Line, bool Malformed, string[] Fields);

    // A row after its checks: the dossier to insert, or the reason it is refused.
    private sealed record CheckedRow(int Line, string? Code, ImportedDossier? Dossier, DossierImportReason? Reason)
    {
        public static CheckedRow Rejected(int line, string? code, DossierImportReason reason) => new(line, code, null, reason);
    }

    // What one import's rows share.
    private sealed record BatchContext(string Staff, string? Note);

    private static string Truncate(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
