using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Tests.Crash;

/// <summary>A real database file with dossiers in it, as an office's would be, for tests that damage or check one.</summary>
public static class DatabaseWithDossiers
{
    public static string Write(string path, int count, string applicantName = "Hồ Văn A")
    {
        using var database = new OfficeDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = path }), []);
        var dossiers = database.Collection<Dossier>(DossierStore.CollectionName);
        for (var i = 0; i < count; i++)
        {
            dossiers.Insert(new Dossier { Code = $"code-{i}", ProcedureId = "khai-sinh", ApplicantName = applicantName, Phone = "0912345678", Village = "V", History = [] });
        }
        return path;
    }
}
