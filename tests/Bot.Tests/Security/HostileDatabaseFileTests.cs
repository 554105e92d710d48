using System.Security.Cryptography;
using OneStopBot.Bot.Tests.Crash;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// Storage:DatabasePath pointing at something that is not a database (an empty file, the first bytes of a real one, a
/// text file, a folder) used to be taken for a new database and overwritten. Now the host and every verb that opens
/// the database stop with one line naming the file, exit code 2, and the file keeps every byte.
/// </summary>
public sealed class HostileDatabaseFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-hostile", Guid.NewGuid().ToString("N"));

    public HostileDatabaseFileTests() => Directory.CreateDirectory(folder);

    public static TheoryData<string, string> Cases() => new()
    {
        { "empty", "" },
        { "first-100-bytes", "" },
        { "first-4096-bytes", "" },
        { "first-page", "" },
        { "text", "" },
        { "folder", "" },
        { "empty", "seed-demo" },
        { "first-100-bytes", "chat" },
        { "first-4096-bytes", "backup" },
        { "text", "understand" },
        { "folder", "seed-demo" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Something_that_is_not_a_database_stops_the_program_with_one_line_and_keeps_every_byte(string kind, string verb)
    {
        var path = Hostile(kind);
        var before = Fingerprint(path);

        string[] arguments = verb.Length == 0
            ? ["--urls=http://127.0.0.1:0", $"--Storage:DatabasePath={path}"]
            : [verb, $"--Storage:DatabasePath={path}"];
        var exited = await HostProcess.RunToExitAsync(folder, arguments);

        Assert.Equal(2, exited.Code);
        var line = Assert.Single(exited.ErrorLines);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains("Restore the last backup", line, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task A_path_under_a_file_stops_the_host_with_one_line()
    {
        var file = Hostile("text");
        var before = Fingerprint(file);

        var exited = await HostProcess.RunToExitAsync(folder, "--urls=http://127.0.0.1:0", $"--Storage:DatabasePath={Path.Combine(file, "data", "onestop.db")}");

        Assert.Equal(2, exited.Code);
        Assert.Contains($"its folder {file} is a file", Assert.Single(exited.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(file));
    }

    [Fact]
    public void A_real_database_passes_the_check_and_is_not_changed_by_it()
    {
        var path = RealDatabase();
        var before = Fingerprint(path);

        Assert.Null(OfficeDatabase.FileProblem(path));
        Assert.Equal(before, Fingerprint(path));
        Assert.Null(OfficeDatabase.FileProblem(Path.Combine(folder, "not-yet.db")));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Hostile(string kind)
    {
        var path = Path.Combine(folder, "onestop.db");
        if (kind == "folder")
        {
            Directory.CreateDirectory(path);
            return path;
        }
        var source = RealDatabase();
        var real = File.ReadAllBytes(source);
        File.Delete(source);
        File.Delete(OfficeDatabase.LogFileOf(source));
        File.Delete(OfficeDatabase.LockFileOf(source));
        byte[] bytes = kind switch
        {
            "empty" => [],
            "first-100-bytes" => real[..100],
            "first-4096-bytes" => real[..4096],
            "first-page" => real[..8192],
            _ => "this is not database\n"u8.ToArray(),
        };
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string RealDatabase() => DatabaseWithDossiers.Write(Path.Combine(folder, "real.db"), 50);

    /// <summary>The file's SHA-256, or the folder's entries: what must be the same after the program stopped.</summary>
    private static string Fingerprint(string path) =>
        Directory.Exists(path)
            ? "folder:" + string.Join('|', Directory.GetFileSystemEntries(path))
            : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
