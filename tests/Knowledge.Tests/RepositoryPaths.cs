namespace OneStopBot.Knowledge.Tests;

/// <summary>
/// Files outside the test output: the repository root holds OneStopBot.sln; shared data lives beside it in
/// <c>../shared</c> (for a worktree nested deeper, the nearest <c>shared</c> folder above the root).
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DevSet => Shared("eval", "understand.dev.tsv");

    public static string ProcedureList => Shared("catalog", "procedures.tsv");

    /// <summary>The procedure files as copied beside the test assembly by the build.</summary>
    public static string BuiltProcedures => Path.Combine(AppContext.BaseDirectory, "Procedures");

    private static string Shared(params string[] parts)
    {
        for (var directory = Directory.GetParent(Root); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine([directory.FullName, "shared", .. parts]);
            if (File.Exists(path))
            {
                return path;
            }
        }

        var expected = Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));
        Assert.Fail($"Shared file not found: expected {expected} (<repository root>/../shared/{string.Join('/', parts)}).");
        return expected;
    }

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
