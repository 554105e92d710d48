namespace OneStopBot.Knowledge.Tests;

/// <summary>Files outside the test output: the repository root holds OneStopBot.sln. Nothing outside the repository is read.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The procedure files as copied beside the test assembly by the build.</summary>
    public static string BuiltProcedures => Path.Combine(AppContext.BaseDirectory, "Procedures");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneStopBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OneStopBot.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }
}
