using System.Globalization;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>Who receives a procedure's dossiers and hands out its result: a name, the place as residents read it, hours.</summary>
public sealed record Receiver(string Name, string Place, string Hours);

/// <summary>
/// The receiver of each procedure, from configuration: the one-stop desk, or Công an xã and Ban Chỉ huy quân sự xã with
/// their own place and hours, never the desk's hours for them. Null where the file does not confirm who receives it.
/// </summary>
public static class Receivers
{
    public const string VisitLine = "Nơi đến: {0}. Giờ làm việc: {1}.";

    public static Receiver? Of(ProcedureHandler handler, OfficeOptions office) =>
        handler == ProcedureHandler.OneStopDesk
            ? new(office.OfficeName, office.OfficeName, office.WorkingHours)
            : Elsewhere(handler, office) is { } other ? Other(other) : null;

    /// <summary>The receiver's office as configured when it is not the one-stop desk (Công an xã, Ban Chỉ huy quân sự); null otherwise.</summary>
    public static HandlerOffice? Elsewhere(ProcedureHandler handler, OfficeOptions office) => handler switch
    {
        ProcedureHandler.CommunePolice => office.Handlers[OfficeOptions.CommunePolice],
        ProcedureHandler.CommuneMilitary => office.Handlers[OfficeOptions.CommuneMilitary],
        _ => null,
    };

    /// <summary>"Nơi đến: Trụ sở Công an xã…. Giờ làm việc: …." for a resident who must go there; null where the receiver is not confirmed.</summary>
    public static string? Visit(Procedure? procedure, OfficeOptions office) =>
        procedure is not null && Of(procedure.Handler, office) is { } receiver
            ? string.Format(CultureInfo.InvariantCulture, VisitLine, receiver.Place, receiver.Hours)
            : null;

    private static Receiver Other(HandlerOffice handler) => new(handler.Name, Capitalized(handler.Place), handler.Hours);

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
