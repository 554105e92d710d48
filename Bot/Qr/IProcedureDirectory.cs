namespace OneStopBot.Bot.Qr;

/// <summary>A procedure as the web chat and its posters need it: the id used in links, and the name residents read.</summary>
public sealed record ProcedureEntry(string Id, string Name);

/// <summary>The procedures the office handles, in the order they should be listed.</summary>
public interface IProcedureDirectory
{
    IReadOnlyList<ProcedureEntry> All();
}

public static class ProcedureDirectoryExtensions
{
    public static ProcedureEntry? Find(this IProcedureDirectory directory, string id) =>
        directory.All().FirstOrDefault(procedure => string.Equals(procedure.Id, id, StringComparison.Ordinal));
}
