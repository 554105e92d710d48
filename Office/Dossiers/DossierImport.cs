using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Options;
using LiteDB;
using OneStopBot.Office.Calendar;

namespace OneStopBot.Office.Dossiers;

/// <summary>What happened to one row of an import; a row refused for its fields names them in <paramref name="Invalid"/>.</summary>
public sealed record DossierImportRow(int Line, string? Code, bool Imported, string? Reason, IReadOnlyList<DossierValidationError>? Invalid = null);

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
public sealed class DossierImport(DossierStore store, WorkingCalendar calendar, IOptions<OfficeOptions> options, TimeProvider time)
{
    public const int MaxRows = 5000;
    public const int MaxRecordChars = 16 * 1024;

    /// <summary>Rows written per transaction: one commit to disk for many rows instead of one each.</summary>
    public const int BatchSize = 500;

    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d-M-yyyy", "d-M-yyyy H:mm",
        "yyyy-MM-dd", "yyyy-MM-dd H:mm", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd'T'H:mm", "yyyy-MM-dd'T'H:mm:ss",
    ];

    // Accepted header names, folded (lower case, no diacritics, no spaces or punctuation).
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

    public DossierImportReport Import(TextReader csv, string staff)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        var rows = new List<DossierImportRow>();
        long malformedLine = 0;
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            // A stray quote then spoils only its own line, not the rest of the file.
            AllowLineBreaksInQuotes = false,
            MaxRecordSize = MaxRecordChars,
            MalformedData = CsvMalformedDataHandling.Recover,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = record => malformedLine = record.LineNumber,
        };
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var batch = new List<CsvRow>(BatchSize);
        try
        {
            reader.ReadHeader();
            var header = reader.Headers ?? [];
            var positions = Columns.ToDictionary(c => c.Column, c => header.Select(Fold).ToList().FindIndex(h => c.Names.Contains(h)));
            var missing = positions.Where(p => p.Value < 0).Select(p => p.Key).ToList();
            if (header.Count == 0)
            {
                return new DossierImportReport([new DossierImportRow(1, null, false, "Tệp trống, không có dòng tiêu đề.")]);
            }
            if (missing.Count > 0)
            {
                return new DossierImportReport([new DossierImportRow(1, null, false, "Thiếu cột: " + string.Join(", ", missing) + ".")]);
            }

            var read = 0;
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                if (read++ >= MaxRows)
                {
                    ImportBatch(batch, staff, rows);
                    rows.Add(new DossierImportRow(line, null, false, $"Tệp quá dài: chỉ nhập {MaxRows} dòng đầu."));
                    return new DossierImportReport(rows);
                }
                batch.Add(new CsvRow(
                    line,
                    malformedLine == line,
                    positions.ToDictionary(p => p.Key, p => p.Value < reader.FieldCount ? reader.GetString(p.Value).Trim() : string.Empty)));
                if (batch.Count == BatchSize)
                {
                    ImportBatch(batch, staff, rows);
                }
            }
            ImportBatch(batch, staff, rows);
        }
        catch (CsvFormatException error)
        {
            // The rows read before the unreadable part still go in.
            ImportBatch(batch, staff, rows);
            rows.Add(new DossierImportRow((int)error.LineNumber, null, false, "Không đọc được phần còn lại của tệp CSV."));
        }
        return new DossierImportReport(rows.OrderBy(r => r.Line).ToList());
    }

    // The batch's good rows go in with one transaction; should it fail unexpectedly, it is undone and the rows are
    // taken one by one, so every good row still goes in whole and a failing one alone is reported.
    private void ImportBatch(List<CsvRow> batch, string staff, List<DossierImportRow> report)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var rows = batch.Select(row => Check(row, staff, now)).ToList();
        report.AddRange(rows.Where(r => r.Dossier is null).Select(r => new DossierImportRow(r.Line, r.Code, false, r.Reason, r.Invalid)));
        var good = rows.Where(r => r.Dossier is not null).ToList();
        try
        {
            Report(good, store.InsertImported(good.Select(r => r.Dossier!).ToList(), staff, now), report);
        }
        catch (LiteException)
        {
            foreach (var row in good)
            {
                try
                {
                    Report([row], store.InsertImported([row.Dossier!], staff, now), report);
                }
                catch (LiteException)
                {
                    report.Add(new DossierImportRow(row.Line, row.Code, false, "Không lưu được dòng này, anh/chị thử lại sau."));
                }
            }
        }
        batch.Clear();
    }

    private static void Report(List<CheckedRow> rows, IReadOnlyList<bool> inserted, List<DossierImportRow> report) =>
        report.AddRange(rows.Select((row, i) => inserted[i]
            ? new DossierImportRow(row.Line, row.Code, true, null)
            : new DossierImportRow(row.Line, row.Code, false, "Mã hồ sơ đã có.")));

    private CheckedRow Check(CsvRow row, string staff, DateTimeOffset now)
    {
        var line = row.Line;
        if (row.Malformed)
        {
            return CheckedRow.Rejected(line, null, "Dòng sai định dạng CSV (dấu ngoặc kép).");
        }
        string Field(string column) => row.Fields[column];
        if (!DossierCode.TryNormalize(Field("code"), store.AgencyCode, out var code))
        {
            return CheckedRow.Rejected(line, null, "Mã hồ sơ không đúng dạng " + DossierCode.Example(store.AgencyCode) + ".");
        }
        if (!DossierStatuses.TryParse(Field("status"), out var status))
        {
            return CheckedRow.Rejected(line, code, "Trạng thái không rõ: " + Truncate(Field("status")) + ".");
        }
        if (!TryParseReceived(Field("received"), out var received) || received > now)
        {
            return CheckedRow.Rejected(line, code, "Ngày nhận không đúng (dd/MM/yyyy, không sau hôm nay).");
        }

        var request = DossierValidation.Normalize(
            new NewDossier
            {
                ProcedureId = Field("procedure"),
                ApplicantName = Field("name"),
                Phone = Field("phone"),
                Village = Field("village"),
                Submission = Submission.InPerson,
            },
            options.Value.Villages,
            out var errors);
        if (errors.Count > 0)
        {
            return new CheckedRow(line, code, null, null, errors);
        }

        // The provincial system gives the current status only: it is dated now, after the reception.
        List<StatusChange> history = status == DossierStatus.PreRegistered
            ? [new StatusChange { At = now, Status = status, Actor = staff, Note = "Nhập từ hệ thống của tỉnh" }]
            : [new StatusChange { At = received, Status = DossierStatus.Received, Actor = staff, Note = "Nhập từ hệ thống của tỉnh" }];
        if (status is not (DossierStatus.PreRegistered or DossierStatus.Received))
        {
            history.Add(new StatusChange { At = now, Status = status, Actor = staff });
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

    private sealed record CsvRow(int Line, bool Malformed, IReadOnlyDictionary<string, string> Fields);

    // A row after its checks: the dossier to insert, or the reason it is refused.
    private sealed record CheckedRow(int Line, string? Code, ImportedDossier? Dossier, string? Reason, IReadOnlyList<DossierValidationError>? Invalid = null)
    {
        public static CheckedRow Rejected(int line, string? code, string reason) => new(line, code, null, reason);
    }

    private static string Truncate(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private static string Fold(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
