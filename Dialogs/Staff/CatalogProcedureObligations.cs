using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Staff;

/// <summary>Financial obligations (land taxes and charges) belong to the land procedures of the catalog only.</summary>
public sealed class CatalogProcedureObligations(ProcedureCatalog catalog) : IProcedureObligations
{
    /// <summary>The catalog's group of land and building procedures.</summary>
    public const string LandGroup = "Đất đai, xây dựng";

    public bool HasFinancialObligation(string procedureId) => catalog.Find(procedureId)?.Group == LandGroup;
}
