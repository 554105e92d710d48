namespace OneStopBot.Bot.Tests.Infrastructure;

/// <summary>Files outside the test output: the repository root holds OneStopBot.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneStopBot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No OneStopBot.sln above {AppContext.BaseDirectory}.");
    }
}
