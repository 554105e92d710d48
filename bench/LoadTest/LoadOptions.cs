namespace OneStopBot.LoadTest;

/// <summary>How long and how hard to load. <c>--short</c> is the few-second smoke run CI makes; its timings mean nothing.</summary>
/// <paramref name="Archive"/>: dossiers stored in the bot's database; with more than none, the bot is also measured
/// while staff statistics for the last month are asked every second.
internal sealed record LoadOptions(TimeSpan Warmup, TimeSpan Duration, int Repeats, IReadOnlyList<int> Concurrency, int Archive)
{
    public static LoadOptions Full { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), 3, [1, 10, 100], 0);

    public static LoadOptions Short { get; } = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5), 1, [1, 10], 2_000);

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--short") ? Short : Full;
        for (var i = 0; i < args.Count - 1; i++)
        {
            options = args[i] switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)) },
                "--repeats" => options with { Repeats = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--archive" => options with { Archive = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = args[i + 1].Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToList() },
                _ => options,
            };
        }
        if (options.Repeats < 1 || options.Concurrency.Count == 0 || options.Concurrency.Any(c => c < 1) || options.Duration <= TimeSpan.Zero || options.Archive < 0)
        {
            throw new ArgumentException("--repeats, --concurrency and --duration must be positive, --archive not negative.");
        }
        return options;
    }
}
