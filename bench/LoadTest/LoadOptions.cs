namespace OneStopBot.LoadTest;

/// <summary>How long and how hard to load. <c>--short</c> is the few-second smoke run CI makes; its timings mean nothing.</summary>
/// <paramref name="Archive"/>: dossiers stored in the bot's database; with more than none, the bot is also measured
/// while staff statistics for the last month are asked every second.
/// <paramref name="Settle"/>: at most this long under unmeasured load before the first run, until a host's CPU per
/// request stops falling (its runtime has finished recompiling the hot code); none in the smoke run.
/// <paramref name="Communes"/>: with more than one, a third host serves that many communes (generated configuration),
/// its residents each in one of them, and its CPU per turn is printed against the one-commune bot's.
internal sealed record LoadOptions(TimeSpan Warmup, TimeSpan Duration, int Repeats, IReadOnlyList<int> Concurrency, int Archive, TimeSpan Settle, int Communes = 1)
{
    public static LoadOptions Full { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), 3, [1, 10, 100], 0, TimeSpan.FromSeconds(90));

    public static LoadOptions Short { get; } = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5), 1, [1, 10], 2_000, TimeSpan.Zero);

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
                "--settle" => options with { Settle = TimeSpan.FromSeconds(double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)) },
                "--archive" => options with { Archive = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--communes" => options with { Communes = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = args[i + 1].Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToList() },
                _ => options,
            };
        }
        if (options.Repeats < 1 || options.Concurrency.Count == 0 || options.Concurrency.Any(c => c < 1) || options.Duration <= TimeSpan.Zero || options.Archive < 0 || options.Settle < TimeSpan.Zero
            || options.Communes is < 1 or > 999)
        {
            throw new ArgumentException("--repeats, --concurrency and --duration must be positive, --archive and --settle not negative, --communes from 1 to 999.");
        }
        return options;
    }
}
