using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Bot.Qr;

/// <summary>The procedures of the knowledge catalog, under the official names printed at the counters.</summary>
public sealed class CatalogProcedureDirectory(ProcedureCatalog catalog) : IProcedureDirectory
{
    private readonly IReadOnlyList<ProcedureEntry> entries =
        catalog.All.Select(procedure => new ProcedureEntry(procedure.Id, procedure.OfficialName)).ToList();

    public IReadOnlyList<ProcedureEntry> All() => entries;
}
