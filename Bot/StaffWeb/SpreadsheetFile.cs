using System.Data;
using MiniExcelLibs;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>One sheet of a workbook: its name, its column headers and its rows (text or numbers).</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>The workspace's Excel downloads (.xlsx), made on this host.</summary>
public static class SpreadsheetFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A download of <paramref name="sheets"/> named <paramref name="fileName"/>; no cache keeps it (personal data).</summary>
    public static IResult Download(HttpContext http, IEnumerable<Sheet> sheets, string fileName)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Write(sheets), ContentType, fileName);
    }

    public static byte[] Write(IEnumerable<Sheet> sheets)
    {
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            var table = new DataTable(sheet.Name);
            foreach (var column in sheet.Columns)
            {
                table.Columns.Add(column, typeof(object));
            }
            foreach (var row in sheet.Rows)
            {
                table.Rows.Add(row.Select(Safe).ToArray());
            }
            workbook[sheet.Name] = table;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>
    /// Text that a spreadsheet would take for a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, or a tab or carriage
    /// return before them) is written with a leading apostrophe, so a value from a file or a resident is never run.
    /// </summary>
    public static object? Safe(object? value) =>
        value is string { Length: > 0 } text && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : value;
}
