namespace OneStopBot.Bot.Hosting;

/// <summary>The command-line verbs: <c>chat</c>, <c>understand</c>, <c>eval</c>, <c>seed-demo</c>.</summary>
public static class CommandLineVerbs
{
    public static bool TryFind(string[] args, out Func<string[], Task<int>> verb)
    {
        verb = null!;
        return false;
    }
}
