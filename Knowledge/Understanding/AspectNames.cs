using System.Text.Json;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>The names of the aspects in data files and JSON ("fee", "qualifies"), '-' or empty for none.</summary>
public static class AspectNames
{
    private const string NoAspect = "-";

    private static readonly Dictionary<string, ProcedureAspect> ByName = Enum.GetValues<ProcedureAspect>()
        .ToDictionary(Name, aspect => aspect, StringComparer.OrdinalIgnoreCase);

    /// <summary>The lower-case name of an aspect ("documents", "qualifies", …).</summary>
    public static string Name(ProcedureAspect aspect) => JsonSerializer.Serialize(aspect).Trim('"');

    /// <summary>The aspect named <paramref name="name"/>; none for '-' or empty; null when no aspect has that name.</summary>
    public static ProcedureAspect? Parse(string? name) =>
        name?.Trim() is not { Length: > 0 } trimmed || trimmed == NoAspect ? ProcedureAspect.None
            : ByName.TryGetValue(trimmed, out var aspect) ? aspect : null;
}
