using Microsoft.Bot.Builder;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Console;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// The command-line verbs: <c>chat</c> (the bot in the terminal), <c>understand</c>, <c>eval</c>, <c>seed-demo</c>.
/// Each runs over the same services as the web host, without the web server.
/// </summary>
public static class CommandLineVerbs
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chat"] = ChatAsync,
        ["seed-demo"] = SeedDemoAsync,
    };

    public static bool TryFind(string[] args, out Func<string[], Task<int>> verb)
    {
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
        // Configuration switches (--Section:Key=value) go to the host; the rest are the verb's own arguments.
        var settings = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var operands = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Logging.ClearProviders();
        builder.AddOneStopBot();
        using var host = builder.Build();
        return await run(host.Services, operands);
    }

    private static async Task<int> ChatAsync(IServiceProvider services, string[] args)
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        System.Console.InputEncoding = System.Text.Encoding.UTF8;
        var adapter = new ConsoleAdapter(System.Console.In, System.Console.Out, services.GetRequiredService<TurnErrorHandler>());
        await adapter.RunAsync(services.GetRequiredService<IBot>(), CancellationToken.None);
        return 0;
    }

    private static Task<int> SeedDemoAsync(IServiceProvider services, string[] args)
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        var store = services.GetRequiredService<DossierStore>();
        DemoSeedResult result;
        try
        {
            result = services.GetRequiredService<DemoData>().Seed();
        }
        catch (InvalidOperationException)
        {
            System.Console.WriteLine("Cơ sở dữ liệu đã có hồ sơ, nên không thêm dữ liệu mẫu. Hãy dùng một tệp mới (--Storage:DatabasePath=...).");
            return Task.FromResult(1);
        }
        System.Console.WriteLine($"Đã tạo {result.Created} hồ sơ mẫu. Mã để thử tra cứu (và 4 số cuối điện thoại để xác minh từ cuộc trò chuyện khác):");
        foreach (var code in result.CodesToTry)
        {
            var dossier = store.Find(code)!;
            System.Console.WriteLine($"  {code}  {dossier.Status.Text().Label}  …{dossier.Phone[^4..]}");
        }
        return Task.FromResult(0);
    }
}
