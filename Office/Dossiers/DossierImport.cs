using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Calendar;

namespace OneStopBot.Office.Dossiers;

/// <summary>What happened to one row of an import.</summary>
public sealed record DossierImportRow(int Line, string? Code, bool Imported, string? Reason);

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

            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                if (rows.Count >= MaxRows)
                {
                    rows.Add(new DossierImportRow(line, null, false, $"Tệp quá dài: chỉ nhập {MaxRows} dòng đầu."));
                    break;
                }
                string Field(string column) => positions[column] < reader.FieldCount ? reader.GetString(positions[column]).Trim() : string.Empty;
                rows.Add(malformedLine == line
                    ? new DossierImportRow(line, null, false, "Dòng sai định dạng CSV (dấu ngoặc kép).")
                    : ImportRow(line, Field, staff));
            }
        }
        catch (CsvFormatException error)
        {
            rows.Add(new DossierImportRow((int)error.LineNumber, null, false, "Không đọc được phần còn lại của tệp CSV."));
        }
        return new DossierImportReport(rows);
    }

    private DossierImportRow ImportRow(int line, Func<string, string> field, string staff)
    {
        var typedCode = field("code");
        if (!DossierCode.TryNormalize(typedCode, store.AgencyCode, out var code))
        {
            return new DossierImportRow(line, null, false, "Mã hồ sơ không đúng dạng " + DossierCode.Example(store.AgencyCode) + ".");
        }
        if (!DossierStatuses.TryParse(field("status"), out var status))
        {
            return new DossierImportRow(line, code, false, "Trạng thái không rõ: " + Truncate(field("status")) + ".");
        }
        var now = time.GetUtcNow();
        if (!TryParseReceived(field("received"), out var received) || received > now)
        {
            return new DossierImportRow(line, code, false, "Ngày nhận không đúng (dd/MM/yyyy, không sau hôm nay).");
        }

        var request = DossierValidation.Normalize(
            new NewDossier
            {
                ProcedureId = field("procedure"),
                ApplicantName = field("name"),
                Phone = field("phone"),
                Village = field("village"),
                Submission = Submission.InPerson,
            },
            options.Value.Villages,
            out var errors);
        if (errors.Count > 0)
        {
            return new DossierImportRow(line, code, false, string.Join(" ", errors.Values.SelectMany(e => e)));
        }

        // The provincial system gives the current status only: it is dated now, after the reception.
        List<StatusChange> history = status == DossierStatus.PreRegistered
            ? [new StatusChange { At = now, Status = status, Actor = staff, Note = "Nhập từ hệ thống của tỉnh" }]
            : [new StatusChange { At = received, Status = DossierStatus.Received, Actor = staff, Note = "Nhập từ hệ thống của tỉnh" }];
        if (status is not (DossierStatus.PreRegistered or DossierStatus.Received))
        {
            history.Add(new StatusChange { At = now, Status = status, Actor = staff });
        }
        return store.TryInsertWithCode(request, code, history, staff, now)
            ? new DossierImportRow(line, code, true, null)
            : new DossierImportRow(line, code, false, "Mã hồ sơ đã có.");
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
