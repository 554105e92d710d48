using System.Globalization;
using System.Net.Http.Json;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// <c>backup [file]</c> and <c>restore &lt;file&gt;</c>. A backup is taken by the process that has the database open:
/// the running host (asked through <c>POST /api/staff/backup</c>), or this verb itself when no host runs. A restore
/// checks the backup, refuses while a host uses the database, and keeps the replaced file beside it.
/// </summary>
public static class BackupVerbs
{
    /// <summary>Where backups go when no file is named: <c>backups/</c> beside the database.</summary>
    /// <summary>Where backups go unless told otherwise: <c>backups/</c> beside the database.</summary>
    public static string Folder(string databasePath) => Path.Combine(Path.GetDirectoryName(databasePath)!, "backups");

    public static string DefaultTarget(string databasePath, DateTimeOffset now) =>
        Path.Combine(Folder(databasePath),
            $"{Path.GetFileNameWithoutExtension(databasePath)}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{Path.GetExtension(databasePath)}");

    public static async Task<int> BackupAsync(IConfiguration configuration, string[] args)
    {
        var databasePath = DatabaseStartCheck.DatabasePath(configuration);
        var target = Path.GetFullPath(args.Length > 0 ? args[0] : DefaultTarget(databasePath, TimeProvider.System.GetUtcNow()));
        if (IsInUse(databasePath))
        {
            return await AskRunningHostAsync(configuration, target);
        }
        using var database = new OfficeDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = databasePath }), []);
        database.Backup(target);
        System.Console.WriteLine($"Backup written: {target}");
        return 0;
    }

    public static Task<int> RestoreAsync(IConfiguration configuration, string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            System.Console.Error.WriteLine("Usage: restore <backup file> (the file must exist)");
            return Task.FromResult(2);
        }
        var backup = Path.GetFullPath(args[0]);
        var databasePath = DatabaseStartCheck.DatabasePath(configuration);
        if (OfficeDatabase.FileProblem(backup) is { } problem)
        {
            System.Console.Error.WriteLine($"The backup {backup} cannot be read ({problem.ReplaceLineEndings(" ")}); nothing was changed.");
            return Task.FromResult(1);
        }
        if (File.Exists(databasePath) && IsInUse(databasePath))
        {
            System.Console.Error.WriteLine($"The database {databasePath} is in use: stop the bot first; nothing was changed.");
            return Task.FromResult(1);
        }
        var stamp = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        foreach (var file in new[] { databasePath, OfficeDatabase.LogFileOf(databasePath) }.Where(File.Exists))
        {
            File.Move(file, $"{file}.before-restore-{stamp}");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        File.Copy(backup, databasePath);
        System.Console.WriteLine($"Restored {backup} to {databasePath}; the replaced file is kept as {databasePath}.before-restore-{stamp}.");
        return Task.FromResult(0);
    }

    /// <summary>Whether a process (the host) has the file open for writing: LiteDB's lock excludes ours.</summary>
    private static bool IsInUse(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static async Task<int> AskRunningHostAsync(IConfiguration configuration, string target)
    {
        var url = (configuration["Urls"] ?? "http://localhost:3978").Split(';')[0].Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal);
        var key = configuration[$"{StaffOptions.Section}:{nameof(StaffOptions.ApiKey)}"];
        using var client = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
        client.DefaultRequestHeaders.Add(Staff.StaffApi.ApiKeyHeader, key);
        using var response = await client.PostAsJsonAsync("api/staff/backup", new { });
        if (!response.IsSuccessStatusCode)
        {
            System.Console.Error.WriteLine($"The running bot at {url} refused the backup ({(int)response.StatusCode}): check Staff:ApiKey.");
            return 1;
        }
        // The host names the file only; it is in the backups folder beside the database both read.
        var name = Path.GetFileName((await response.Content.ReadFromJsonAsync<BackupWritten>())!.File);
        var written = Path.Combine(Folder(DatabaseStartCheck.DatabasePath(configuration)), name);
        if (!string.Equals(written, target, StringComparison.Ordinal))
        {
            File.Move(written, target);
        }
        System.Console.WriteLine($"Backup written by the running bot: {target}");
        return 0;
    }
}

/// <summary>The answer of <c>POST /api/staff/backup</c>: the backup's file name in the backups folder, never a server path.</summary>
public sealed record BackupWritten(string File);
