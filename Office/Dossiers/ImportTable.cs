using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace OneStopBot.Office.Dossiers;

/// <summary>One line of an export: its number in the file, its cells, and whether it was badly formed (a stray quote).</summary>
public sealed record ImportLine(int Line, IReadOnlyList<string> Cells, bool Malformed = false);

/// <summary>
/// A provincial export read as text: the header, the lines read, and, when reading stopped early, the line where and
/// why (<see cref="DossierImportProblem.TooManyRows"/> or <see cref="DossierImportProblem.UnreadableRest"/>).
/// </summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<ImportLine> Lines, DossierImportRow? End = null)
{
    /// <summary>Rows read at most; one more ends the table with <see cref="DossierImportProblem.TooManyRows"/>.</summary>
    public const int MaxRows = 5000;

    public const int MaxRecordChars = 16 * 1024;

    /// <summary>Columns read at most from a spreadsheet's row; the export has about ten.</summary>
    public const int MaxColumns = 64;

    /// <summary>What a spreadsheet may unpack to at most, whatever its size packed (a zip bomb is refused unread).</summary>
    public const long MaxUnpackedBytes = 48L * 1024 * 1024;

    /// <summary>Reads CSV (comma or semicolon, one header line). A stray quote spoils only its own line.</summary>
    public static ImportTable ReadCsv(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        long malformedLine = 0;
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = false,
            MaxRecordSize = MaxRecordChars,
            MalformedData = CsvMalformedDataHandling.Recover,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = record => malformedLine = record.LineNumber,
        };
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var lines = new List<ImportLine>();
        IReadOnlyList<string> header = [];
        try
        {
            reader.ReadHeader();
            header = reader.Headers ?? [];
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                if (lines.Count >= MaxRows)
                {
                    return new ImportTable(header, lines, TooMany(line));
                }
                var cells = new string[Math.Min(reader.FieldCount, MaxColumns)];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i).Trim();
                }
                lines.Add(new ImportLine(line, cells, malformedLine == line));
            }
        }
        catch (CsvFormatException error)
        {
            // The lines read before the unreadable part still count.
            return new ImportTable(header, lines, new DossierImportRow((int)error.LineNumber, null, new DossierImportReason(DossierImportProblem.UnreadableRest)));
        }
        return new ImportTable(header, lines);
    }

    /// <summary>
    /// Reads an uploaded export: an Excel workbook (.xlsx, its first sheet) or CSV in UTF-8 (or UTF-16 with its byte
    /// order mark). Null with the reason when the file cannot be read at all; nothing is unpacked past
    /// <see cref="MaxUnpackedBytes"/>.
    /// </summary>
    public static ImportTable? ReadFile(byte[] content, out ImportFileProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(content);
        problem = null;
        if (content.Length == 0)
        {
            problem = ImportFileProblem.Empty;
            return null;
        }
        if (content is [(byte)'P', (byte)'K', 3, 4, ..])
        {
            return ReadWorkbook(content, out problem);
        }
        if (Decode(content) is not { } text)
        {
            problem = ImportFileProblem.NotUtf8;
            return null;
        }
        if (text.AsSpan(0, Math.Min(text.Length, 4096)).Contains('\0'))
        {
            problem = ImportFileProblem.NotATable;
            return null;
        }
        return ReadCsv(new StringReader(text));
    }

    private static string? Decode(byte[] content)
    {
        try
        {
            if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            {
                var unicode = new UnicodeEncoding(bigEndian: content[0] == 0xFE, byteOrderMark: true, throwOnInvalidBytes: true);
                return unicode.GetString(content, 2, content.Length - 2);
            }
            var skip = content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static ImportTable? ReadWorkbook(byte[] content, out ImportFileProblem? problem)
    {
        problem = null;
        try
        {
            // The sizes the archive declares are checked before anything is unpacked; .NET stops an entry that
            // unpacks to more than it declared, so a lying archive fails instead of filling the memory.
            using (var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > 200 || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                {
                    problem = ImportFileProblem.Unpacks;
                    return null;
                }
            }
            var lines = new List<ImportLine>();
            IReadOnlyList<string>? header = null;
            var number = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(new MemoryStream(content, writable: false), useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                var cells = row.Values.Take(MaxColumns).Select(Cell).ToArray();
                if (header is null)
                {
                    header = cells;
                    continue;
                }
                if (cells.All(c => c.Length == 0))
                {
                    continue;
                }
                if (lines.Count >= MaxRows)
                {
                    return new ImportTable(header, lines, TooMany(number));
                }
                if (cells.Sum(c => c.Length) > MaxRecordChars)
                {
                    lines.Add(new ImportLine(number, [], Malformed: true));
                    continue;
                }
                lines.Add(new ImportLine(number, cells));
            }
            return new ImportTable(header ?? [], lines);
        }
        // Whatever a hostile or damaged workbook makes the reader throw, the answer is the same: it cannot be read.
        catch (Exception error) when (error is not (OutOfMemoryException or OperationCanceledException))
        {
            problem = ImportFileProblem.NotATable;
            return null;
        }
    }

    // A cell's value as text, as the CSV would have it: dates day first, numbers without a thousands separator.
    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            DateTime date => date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : date.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            double number => number.ToString("0.##########", CultureInfo.InvariantCulture),
            decimal number => number.ToString(CultureInfo.InvariantCulture),
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? string.Empty,
        };
        text = text.Trim();
        return text.Length > MaxRecordChars ? text[..MaxRecordChars] : text;
    }

    private static DossierImportRow TooMany(int line) =>
        new(line, null, new DossierImportReason(DossierImportProblem.TooManyRows));
}

/// <summary>Why an uploaded export cannot be read at all.</summary>
public enum ImportFileProblem
{
    /// <summary>No bytes.</summary>
    Empty,

    /// <summary>Text that is not UTF-8 (or UTF-16 with its mark): Vietnamese letters would come out wrong.</summary>
    NotUtf8,

    /// <summary>Neither a workbook nor text with rows.</summary>
    NotATable,

    /// <summary>A workbook that unpacks to more than <see cref="ImportTable.MaxUnpackedBytes"/>.</summary>
    Unpacks,
}
