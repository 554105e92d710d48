using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Security;

/// <summary>
/// Files an attacker (or a confused export) could upload as the provincial export: each is read within fixed bounds
/// or refused with its reason, never unpacked or held past the limits.
/// </summary>
public sealed class HostileSpreadsheetTests
{
    private const string Sheet = "xl/worksheets/sheet1.xml";

    private const string Header = "Mã hồ sơ;Thủ tục;Họ tên;Số điện thoại;Thôn;Trạng thái;Ngày tiếp nhận\n";

    [Fact]
    public void A_csv_in_a_legacy_vietnamese_code_page_is_refused_rather_than_read_with_wrong_letters()
    {
        // "Trạng thái" in Windows-1258 bytes is not UTF-8.
        byte[] legacy = [.. Encoding.ASCII.GetBytes("Ma;Tr"), 0xD5, 0xAA, .. Encoding.ASCII.GetBytes("ng th"), 0xE1, .. Encoding.ASCII.GetBytes("i\n1;2\n")];

        Assert.Null(ImportTable.ReadFile(legacy, out var problem));
        Assert.Equal(ImportFileProblem.NotUtf8, problem);
    }

    [Fact]
    public void A_utf16_csv_with_its_mark_is_read()
    {
        var table = ImportTable.ReadFile([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + "1;2;3;4;5;6;7\n")], out var problem);

        Assert.Null(problem);
        Assert.Equal("Trạng thái", table!.Header[5]);
    }

    [Fact]
    public void Binary_and_empty_files_are_refused()
    {
        Assert.Null(ImportTable.ReadFile([], out var empty));
        Assert.Equal(ImportFileProblem.Empty, empty);
        Assert.Null(ImportTable.ReadFile([(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5], out var broken));
        Assert.Equal(ImportFileProblem.NotATable, broken);
        Assert.Null(ImportTable.ReadFile([0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 0, 1], out var binary));
        Assert.Equal(ImportFileProblem.NotATable, binary);
    }

    [Fact]
    public void A_padded_workbook_under_the_limit_is_read_so_the_bombs_below_fail_for_their_size_alone()
    {
        var table = ImportTable.ReadFile(Workbook(sheetBytes: 2 * 1024 * 1024), out var problem);

        Assert.Null(problem);
        Assert.Equal(["Mã hồ sơ"], table!.Header);
        Assert.Equal("261120-0001", Assert.Single(table.Lines).Cells[0]);
    }

    [Fact]
    public void A_workbook_cut_short_or_with_bytes_flipped_is_refused_and_never_throws()
    {
        var whole = Workbook(sheetBytes: 0);
        var random = new Random(27);
        for (var i = 0; i < 60; i++)
        {
            var damaged = i < 30 ? whole[..random.Next(4, whole.Length)] : (byte[])whole.Clone();
            if (i >= 30)
            {
                for (var flip = 0; flip < 8; flip++)
                {
                    damaged[random.Next(4, damaged.Length)] ^= (byte)random.Next(1, 256);
                }
            }

            var table = ImportTable.ReadFile(damaged, out var problem);

            Assert.True(table is not null || problem == ImportFileProblem.NotATable, $"case {i}");
        }
    }

    [Fact]
    public void A_zip_bomb_that_says_how_big_it_unpacks_is_refused_unread()
    {
        var bomb = Workbook(sheetBytes: ImportTable.MaxUnpackedBytes + 1);

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes packed");
        Assert.Null(ImportTable.ReadFile(bomb, out var problem));
        Assert.Equal(ImportFileProblem.Unpacks, problem);
    }

    [Fact]
    public void A_zip_bomb_that_lies_about_its_size_fails_as_soon_as_it_unpacks_past_what_it_said()
    {
        var bomb = Workbook(sheetBytes: ImportTable.MaxUnpackedBytes + 1);
        LieAboutSizes(bomb, Sheet, declared: 4096);

        Assert.Null(ImportTable.ReadFile(bomb, out var problem));
        Assert.Equal(ImportFileProblem.NotATable, problem);
    }

    [Fact]
    public void A_hundred_thousand_rows_stop_after_the_most_rows()
    {
        var csv = Header + string.Concat(Enumerable.Range(1, 100_000).Select(i => $"261120-{i % 10_000:D4};khai-sinh;Hồ Thị Lan;0912345678;Thôn 1;Đã tiếp nhận;20/11/2026\n"));

        var table = ImportTable.ReadFile(Encoding.UTF8.GetBytes(csv), out _)!;

        Assert.Equal(ImportTable.MaxRows, table.Lines.Count);
        Assert.Equal(DossierImportProblem.TooManyRows, table.End!.Reason!.Problem);
    }

    [Fact]
    public void A_workbook_of_a_hundred_thousand_rows_stops_after_the_most_rows()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(1, 100_000).Select(i => new Dictionary<string, object> { ["Mã hồ sơ"] = i, ["Trạng thái"] = "x" }), excelType: ExcelType.XLSX);

        var table = ImportTable.ReadFile(stream.ToArray(), out _)!;

        Assert.Equal(ImportTable.MaxRows, table.Lines.Count);
        Assert.Equal(DossierImportProblem.TooManyRows, table.End!.Reason!.Problem);
    }

    [Fact]
    public void Wide_rows_long_cells_and_formulas_are_kept_as_bounded_text()
    {
        var wide = new Dictionary<string, object>();
        for (var i = 0; i < 500; i++)
        {
            wide["c" + i] = i == 0 ? "=HYPERLINK(\"http://ke-gian.example\",\"Bấm vào\")" : new string('x', 100);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { wide }, excelType: ExcelType.XLSX);

        var table = ImportTable.ReadFile(stream.ToArray(), out _)!;

        Assert.Equal(ImportTable.MaxColumns, table.Header.Count);
        var line = Assert.Single(table.Lines);
        Assert.Equal("=HYPERLINK(\"http://ke-gian.example\",\"Bấm vào\")", line.Cells[0]);
        Assert.All(line.Cells, cell => Assert.True(cell.Length <= ImportTable.MaxRecordChars));
    }

    // A real workbook of one row whose sheet is padded inside its data with sheetBytes of spaces (still valid XML),
    // which pack to almost nothing.
    private static byte[] Workbook(long sheetBytes)
    {
        using var original = new MemoryStream();
        original.SaveAs(new[] { new Dictionary<string, object> { ["Mã hồ sơ"] = "261120-0001" } }, excelType: ExcelType.XLSX);
        using var source = new ZipArchive(new MemoryStream(original.ToArray()), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                if (entry.FullName != Sheet)
                {
                    target.Write(Encoding.UTF8.GetBytes(text));
                    continue;
                }
                var cut = text.IndexOf("<x:sheetData>", StringComparison.Ordinal) is var at and >= 0 ? at : text.IndexOf("<sheetData>", StringComparison.Ordinal);
                target.Write(Encoding.UTF8.GetBytes(text[..cut]));
                var spaces = new byte[1024 * 1024];
                Array.Fill(spaces, (byte)' ');
                for (long written = 0; written < sheetBytes; written += spaces.Length)
                {
                    target.Write(spaces, 0, (int)Math.Min(spaces.Length, sheetBytes - written));
                }
                target.Write(Encoding.UTF8.GetBytes(text[cut..]));
            }
        }
        return buffer.ToArray();
    }

    // Rewrites the uncompressed size of an entry in its local header (offset 22) and in the central directory (24).
    private static void LieAboutSizes(byte[] zip, string name, uint declared)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
            var central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
            var nameAt = local ? i + 30 : central ? i + 46 : -1;
            if (nameAt < 0 || nameAt + nameBytes.Length > zip.Length || !zip.AsSpan(nameAt, nameBytes.Length).SequenceEqual(nameBytes))
            {
                continue;
            }
            BitConverter.TryWriteBytes(zip.AsSpan(local ? i + 22 : i + 24, 4), declared);
        }
    }
}
