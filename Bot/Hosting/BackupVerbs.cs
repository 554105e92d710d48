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
    /// <summary>Where backups go unless told otherwise: <c>backups/</c> beside the database.</summary>
    public static string Folder(string databasePath) => Path.Combine(Path.GetDirectoryName(databasePath)!, "backups");

    public static string DefaultTarget(string databasePath, DateTimeOffset now) =>
        Path.Combine(Folder(databasePath),
            $"{Path.GetFileNameWithoutExtension(databasePath)}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{Path.GetExtension(databasePath)}");

    public static Task<int> BackupAsync(IConfiguration configuration, string[] args) =>
        BackupAsync(configuration, args, new HttpClientHandler(), System.Console.Out, System.Console.Error);

    /// <summary>The verb with the way to the running host and the output given (tests give the test server's).</summary>
    internal static async Task<int> BackupAsync(IConfiguration configuration, string[] args, HttpMessageHandler toHost, TextWriter output, TextWriter error)
    {
        var databasePath = DatabaseStartCheck.DatabasePath(configuration);
        var target = Path.GetFullPath(args.Length > 0 ? args[0] : DefaultTarget(databasePath, TimeProvider.System.GetUtcNow()));
        // While another process has the file open, this one never opens it: the host writes the copy.
        if (OfficeDatabase.InUse(databasePath))
        {
            return await AskRunningHostAsync(configuration, databasePath, target, toHost, output, error);
        }
        if (!File.Exists(databasePath) && !Directory.Exists(databasePath))
        {
            error.WriteLine($"There is no database at {databasePath}: nothing to back up. Give its path with --Storage:DatabasePath=<file>.");
            return 1;
        }
        if (DatabaseStartCheck.Problem(configuration) is { } problem)
        {
            error.WriteLine(problem);
            return StartupChecks.ExitCode;
        }
        try
        {
            using var database = new OfficeDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = databasePath }), []);
            output.WriteLine($"Backup written: {database.Backup(target)}");
            return 0;
        }
        catch (DatabaseInUseException)
        {
            // The host started between the check and the opening.
            return await AskRunningHostAsync(configuration, databasePath, target, toHost, output, error);
        }
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
        if (Directory.Exists(databasePath))
        {
            System.Console.Error.WriteLine($"Storage:DatabasePath {databasePath} is a folder: set it to a file path (e.g. data/onestop.db); nothing was changed.");
            return Task.FromResult(StartupChecks.ExitCode);
        }
        if (OfficeDatabase.InUse(databasePath))
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

    private static async Task<int> AskRunningHostAsync(IConfiguration configuration, string databasePath, string target, HttpMessageHandler toHost, TextWriter output, TextWriter error)
    {
        var url = (configuration["Urls"] ?? "http://localhost:3978").Split(';')[0].Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal);
        var key = configuration[$"{StaffOptions.Section}:{nameof(StaffOptions.ApiKey)}"];
        var inUse = $"The database {databasePath} is in use by a running bot, which writes the backup itself";
        if (string.IsNullOrWhiteSpace(key))
        {
            error.WriteLine($"{inUse}: set Staff:ApiKey (e.g. Staff__ApiKey=...) to the running bot's staff API key; nothing was written.");
            return 1;
        }
        using var client = new HttpClient(toHost) { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add(Staff.StaffApi.ApiKeyHeader, key);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync("api/staff/backup", new { });
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"{inUse}, but no bot answers at {url} ({e.Message}): give the bot's address with --Urls=http://host:port, "
                + "or stop the process that has the database open; nothing was written.");
            return 1;
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var reason = response.StatusCode == System.Net.HttpStatusCode.Unauthorized
                    ? "the staff API key was refused: Staff:ApiKey here must be the running bot's key"
                    : $"{(int)response.StatusCode} {await ProblemDetailOf(response)}".TrimEnd();
                error.WriteLine($"The running bot at {url} did not write the backup: {reason}; nothing was written.");
                return 1;
            }
            // The host names the file only; it is in the backups folder beside the database both read.
            var name = Path.GetFileName((await response.Content.ReadFromJsonAsync<BackupWritten>())!.File);
            var written = Path.Combine(Folder(databasePath), name);
            if (!string.Equals(written, target, StringComparison.Ordinal))
            {
                target = OfficeDatabase.FreeName(target);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(written, target);
            }
            output.WriteLine($"Backup written by the running bot: {target}");
            return 0;
        }
    }

    // The "detail" of a ProblemDetails answer, or nothing.
    private static async Task<string> ProblemDetailOf(HttpResponseMessage response)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
            return problem?.Detail ?? problem?.Title ?? string.Empty;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return string.Empty;
        }
    }
}

/// <summary>The answer of <c>POST /api/staff/backup</c>: the backup's file name in the backups folder, never a server path.</summary>
public sealed record BackupWritten(string File);
