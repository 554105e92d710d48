using Microsoft.AspNetCore.Http.HttpResults;
using OneStopBot.Bot.Hosting;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.Staff;

public static class StaffBackupEndpoints
{
    /// <summary><c>POST /api/staff/backup</c>: a consistent copy of the database, written beside it in <c>backups/</c>.</summary>
    public static RouteGroupBuilder MapBackupEndpoints(this RouteGroupBuilder staff)
    {
        staff.MapPost("/backup", Backup);
        return staff;
    }

    internal static Created<BackupWritten> Backup(OfficeDatabase database, IConfiguration configuration, TimeProvider time, IStaffAuditLog audit)
    {
        // Two backups in the same second: the second gets a suffix (-1) rather than failing.
        var target = database.Backup(BackupVerbs.DefaultTarget(DatabaseStartCheck.DatabasePath(configuration), time.GetUtcNow()));
        audit.Record(StaffApi.ApiActor, "database.backup", details: Path.GetFileName(target));
        return TypedResults.Created((string?)null, new BackupWritten(Path.GetFileName(target)));
    }
}
