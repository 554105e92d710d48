using Microsoft.Extensions.Options;

namespace OneStopBot.Bot.Hosting;

/// <summary>
/// What the host and the verbs check after building their services and before anything touches the disk: every
/// setting validated at start-up, then the database file. Each problem is one line that names the setting (or the
/// file) and the fix; the process then stops with <see cref="ExitCode"/>, having created nothing.
/// </summary>
public static class StartupChecks
{
    public const int ExitCode = 2;

    /// <summary>
    /// Runs <paramref name="build"/> (read the settings, register and build the services); a settings file that is not
    /// valid JSON is one line on standard error and null instead of a stack trace.
    /// </summary>
    public static T? Build<T>(Func<T> build)
        where T : class
    {
        try
        {
            return build();
        }
        catch (InvalidDataException e)
        {
            // "Failed to load configuration from file '…/appsettings.json'." with the JSON reader's line and position inside.
            var reasons = string.Join(" ", Causes(e).Select(cause => cause.Message.ReplaceLineEndings(" ").Trim()));
            Console.Error.WriteLine($"Settings file not valid: {reasons} Correct the file and start again.");
            return null;
        }
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }

    /// <summary>The lines to stop with; empty when the host may start.</summary>
    public static IReadOnlyList<string> Problems(IServiceProvider services, IConfiguration configuration)
    {
        var settings = SettingProblems(services);
        if (settings.Count > 0)
        {
            return settings;
        }
        return DatabaseStartCheck.Problem(configuration) is { } database ? [database] : [];
    }

    /// <summary>
    /// Every option registered with <c>ValidateOnStart</c>. The host would validate them only when it starts, after
    /// the endpoints have opened the database, and the verbs never start a host at all.
    /// </summary>
    public static IReadOnlyList<string> SettingProblems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return Lines([e]);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            return Lines(e.InnerExceptions.Cast<OptionsValidationException>());
        }
        catch (InvalidOperationException e)
        {
            // A value of the wrong kind: "Failed to convert configuration value at 'DirectLine:TokenLifetime' to type 'System.TimeSpan'."
            return [Line(e.Message)];
        }
    }

    /// <summary>Writes each problem as one line to standard error; true when there was any.</summary>
    public static bool Report(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }
        return problems.Count > 0;
    }

    private static List<string> Lines(IEnumerable<OptionsValidationException> errors) =>
        errors.SelectMany(error => error.Failures).Distinct(StringComparer.Ordinal).Select(Line).ToList();

    private static string Line(string failure) =>
        $"Setting not valid: {failure.ReplaceLineEndings(" ").Trim()} Correct it in appsettings.json (or where it is set: --Section:Key=value, environment variable Section__Key) and start again.";
}
