using Microsoft.Bot.Builder;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Console;
using OneStopBot.Bot.Channels.Turns;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// The command-line verbs: <c>chat</c> (the bot in the terminal), <c>understand</c>, <c>eval</c>, <c>train</c>,
/// <c>seed-demo</c>, <c>join-commune</c>, <c>hash-password</c>, <c>backup</c> and <c>restore</c>.
/// Each runs over the same services as the web host, without the web server.
/// </summary>
public static class CommandLineVerbs
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chat"] = ChatAsync,
        ["understand"] = UnderstandAsync,
        ["eval"] = EvaluateAsync,
        ["train"] = TrainAsync,
        ["seed-demo"] = SeedDemoAsync,
        ["join-commune"] = JoinCommuneAsync,
        ["hash-password"] = HashPasswordAsync,
    };

    /// <summary>Verbs about the database file itself: they run before (and without) the office's services.</summary>
    private static readonly Dictionary<string, Func<IConfiguration, string[], Task<int>>> FileVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["backup"] = BackupVerbs.BackupAsync,
        ["restore"] = BackupVerbs.RestoreAsync,
    };

    public static bool TryFind(string[] args, out Func<string[], Task<int>> verb)
    {
        if (args.Length > 0 && FileVerbs.TryGetValue(args[0], out var fileVerb))
        {
            verb = async verbArgs =>
            {
                var (settings, operands) = Split(verbArgs[1..]);
                using var host = Build(settings);
                // The database file is each verb's own check: a restore is how a damaged file is replaced.
                return host is null || StartupChecks.Report(StartupChecks.SettingProblems(host.Services))
                    ? StartupChecks.ExitCode
                    : await fileVerb(host.Services.GetRequiredService<IConfiguration>(), operands);
            };
            return true;
        }
        if (args.Length > 0 && Verbs.TryGetValue(args[0], out var run))
        {
            verb = verbArgs => RunAsync(run, verbArgs[1..]);
            return true;
        }
        verb = null!;
        return false;
    }

    private static async Task<int> RunAsync(Func<IServiceProvider, string[], Task<int>> run, string[] args)
    {
        var (settings, operands) = Split(args);
        using var host = Build(settings);
        if (host is null || StartupChecks.Report(StartupChecks.Problems(host.Services, host.Services.GetRequiredService<IConfiguration>())))
        {
            return StartupChecks.ExitCode;
        }
        return await run(host.Services, operands);
    }

    /// <summary>The bot's services without the web server, or null when the settings file cannot be read (already said).</summary>
    private static IHost? Build(string[] settings) => StartupChecks.Build(() =>
    {
        // A verb's output is its report (understand's is JSON lines): telemetry stays out unless asked for.
        var builder = Host.CreateApplicationBuilder(["--Telemetry:Exporter=None", .. settings]);
        builder.Logging.ClearProviders();
        builder.AddOneStopBot();
        return builder.Build();
    });

    // Configuration switches (--Section:Key=value) go to the host; the rest (eval's --cv 5) are the verb's own arguments.
    private static (string[] Settings, string[] Operands) Split(string[] args) =>
        (args.Where(IsSetting).ToArray(), args.Where(a => !IsSetting(a)).ToArray());

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);

    private static async Task<int> ChatAsync(IServiceProvider services, string[] args)
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        System.Console.InputEncoding = System.Text.Encoding.UTF8;
        var adapter = new ConsoleAdapter(System.Console.In, System.Console.Out, services.GetRequiredService<TurnPipeline>());
        await adapter.RunAsync(services.GetRequiredService<IBot>(), CancellationToken.None);
        return 0;
    }

    /// <summary>One message per line on standard input, one JSON object per line on standard output.</summary>
    private static async Task<int> UnderstandAsync(IServiceProvider services, string[] args)
    {
        var understanding = services.GetRequiredService<MessageUnderstanding>();
        using var input = new StreamReader(System.Console.OpenStandardInput(), System.Text.Encoding.UTF8);
        await using var output = new StreamWriter(System.Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        while (await input.ReadLineAsync() is { } line)
        {
            await output.WriteLineAsync(UnderstandingJson.Serialize(understanding.Understand(line)));
        }
        await output.FlushAsync();
        return 0;
    }

    /// <summary>
    /// Scores understanding: on every held-out set shipped (no argument: the first-message sets and the
    /// conversations), on any TSV or conversation YAML given, or by k-fold cross-validation on the training examples
    /// (<c>--cv 5</c>). Prints accuracies, per style where the set names it, the worst procedure pairs and the misses.
    /// </summary>
    private static async Task<int> EvaluateAsync(IServiceProvider services, string[] args)
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        if (args is ["--cv", var text] && int.TryParse(text, out var folds) && folds >= 2)
        {
            System.Console.WriteLine(CrossValidation.Run(services.GetRequiredService<ProcedureCatalog>(), folds).Format());
            return 0;
        }

        if (args.Length > 1 || args is [var flag] && flag.StartsWith("--", StringComparison.Ordinal))
        {
            System.Console.Error.WriteLine("Usage: eval [file.tsv | conversations.yaml | --cv <folds, 2 or more>]");
            return 2;
        }

        string[] paths = args is [var given] ? [given] : [.. EvalSet.HeldOutMessagePaths, ConversationSet.HeldOutPath];
        if (paths.FirstOrDefault(path => !File.Exists(path)) is { } missing)
        {
            System.Console.Error.WriteLine($"No such file: {Path.GetFullPath(missing)}");
            return 2;
        }

        System.Console.WriteLine(ModelLoad(services));
        foreach (var path in paths)
        {
            System.Console.WriteLine(IsConversationSet(path)
                ? (await ConversationEvaluation.RunAsync(services, path, CancellationToken.None)).Format()
                : EvalSet.Load(path).Evaluate(services.GetRequiredService<MessageUnderstanding>()).Format());
        }

        return 0;
    }

    /// <summary>The shipped model's size and how long loading it takes (catalog read, model read, typo index), measured once here.</summary>
    private static string ModelLoad(IServiceProvider services)
    {
        var catalog = services.GetRequiredService<ProcedureCatalog>();
        var path = Path.Combine(catalog.Folder, MessageUnderstanding.ModelFile);
        var clock = services.GetRequiredService<TimeProvider>();
        var start = clock.GetTimestamp();
        _ = new MessageUnderstanding(catalog);
        var elapsed = clock.GetElapsedTime(start);
        var state = MessageUnderstanding.IsModelCurrent(catalog, path) ? "loaded" : "trained anew (the shipped model is out of date)";
        return FormattableString.Invariant($"{MessageUnderstanding.ModelFile}: {new FileInfo(path).Length:N0} bytes, {state} in {elapsed.TotalMilliseconds:N0} ms\n");
    }

    private static bool IsConversationSet(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Trains the understanding on the knowledge files' examples and writes the model to ship (<c>train Knowledge/Procedures/understanding.model</c>).</summary>
    private static Task<int> TrainAsync(IServiceProvider services, string[] args)
    {
        if (args is not [var path])
        {
            System.Console.Error.WriteLine($"Usage: train <path of {MessageUnderstanding.ModelFile}>");
            return Task.FromResult(2);
        }

        MessageUnderstanding.TrainAndSave(services.GetRequiredService<ProcedureCatalog>(), path);
        System.Console.WriteLine($"Model written to {Path.GetFullPath(path)}");
        return Task.FromResult(0);
    }

    /// <summary>Reads a staff member's web chat password from standard input and prints the hash for Staff:Members:n:PasswordHash.</summary>
    private static async Task<int> HashPasswordAsync(IServiceProvider services, string[] args)
    {
        var password = (await System.Console.In.ReadLineAsync())?.Trim();
        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            await System.Console.Error.WriteLineAsync("Mật khẩu cần ít nhất 12 ký tự.");
            return 1;
        }
        System.Console.WriteLine(StaffPassword.Hash(password));
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, string[] args)
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        var store = services.GetRequiredService<IDossierStore>();
        var communes = services.GetRequiredService<CommuneContext>();
        IReadOnlyList<(Commune Commune, DemoSeedResult Result)> seeded;
        try
        {
            seeded = await services.GetRequiredService<DemoData>().SeedEveryCommuneAsync();
        }
        catch (InvalidOperationException)
        {
            System.Console.WriteLine("Cơ sở dữ liệu đã có hồ sơ, nên không thêm dữ liệu mẫu. Hãy dùng một tệp mới (--Storage:DatabasePath=...).");
            return 1;
        }
        foreach (var (commune, result) in seeded)
        {
            using var scope = communes.Enter(commune);
            // With several communes each block says whose codes they are.
            var whose = seeded.Count > 1 ? $" cho {commune.Office.CommuneName} (/xa/{commune.Id}/)" : "";
            System.Console.WriteLine($"Đã tạo {result.Created} hồ sơ mẫu{whose}. Mã để thử tra cứu (và 4 số cuối điện thoại để xác minh từ cuộc trò chuyện khác):");
            foreach (var code in result.CodesToTry)
            {
                var dossier = (await store.FindAsync(code))!;
                System.Console.WriteLine($"  {code}  {dossier.Status.Text().Label}  …{dossier.Phone[^4..]}");
            }
        }
        return 0;
    }

    /// <summary><c>join-commune --from OLD.db --commune ID</c>: moves a one-commune file's records in as that commune's.</summary>
    private static Task<int> JoinCommuneAsync(IServiceProvider services, string[] args)
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        if (args is not ["--from", var from, "--commune", var commune])
        {
            System.Console.Error.WriteLine(JoinCommuneTexts.Usage);
            return Task.FromResult(2);
        }
        var outcome = services.GetRequiredService<CommuneJoin>().Join(from, commune);
        if (outcome.Refusal is not null)
        {
            System.Console.Error.WriteLine(JoinCommuneTexts.Refusal(outcome, commune));
            return Task.FromResult(1);
        }
        System.Console.WriteLine(JoinCommuneTexts.Done(commune));
        foreach (var moved in outcome.Collections.Where(c => c.Moved > 0))
        {
            System.Console.WriteLine($"  {JoinCommuneTexts.Kind(moved.Name)}: {moved.Counted}");
        }
        return Task.FromResult(0);
    }
}
