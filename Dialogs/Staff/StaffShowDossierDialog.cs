using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office;

namespace OneStopBot.Dialogs.Staff;

/// <summary>The code typed after the command, or asked for.</summary>
public sealed record StaffDossierCodeState(string? Code);

/// <summary><c>/hoso MÃ</c>: a dossier's full details for staff, with the phone and ID number still masked.</summary>
public sealed class StaffShowDossierDialog(IDossierStore store, DossierDetails details, IStaffAuditLog audit)
    : WaterfallDialog<StaffDossierCodeState>(DialogIds.StaffShowDossier)
{
    private readonly TextPrompt codePrompt = new("staff.hoso.code");

    public override IEnumerable<Dialog> Dependencies => [codePrompt];

    protected override StaffDossierCodeState CreateState(object? options) => new(StaffDossierCode.Typed(options));

    protected override IReadOnlyList<WaterfallStep<StaffDossierCodeState>> Steps() => [AskCodeStepAsync, ShowStepAsync];

    private Task<DialogTurnResult> AskCodeStepAsync(WaterfallStepContext<StaffDossierCodeState> step, CancellationToken cancellationToken) =>
        StaffDossierCode.AskAsync(step, step.Values.Code, codePrompt, StaffShowDossierTexts.AskCode, cancellationToken);

    private async Task<DialogTurnResult> ShowStepAsync(WaterfallStepContext<StaffDossierCodeState> step, CancellationToken cancellationToken)
    {
        var typed = (string)step.Result!;
        var dossier = await store.FindAsync(typed, cancellationToken);
        if (dossier is not null)
        {
            // Seeing a dossier's personal data is a staff action like any other.
            audit.Record(StaffActor.Of(step.Context), "dossier.view", dossier.Code);
        }
        var text = dossier is not null
            ? string.Join("\n", details.ForStaff(dossier))
            : TextTemplate.Fill(StaffShowDossierTexts.NotFound, Masking.NumbersIn(typed.Length > 40 ? typed[..40] : typed), DossierCode.Example(store.AgencyCode));
        await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}

internal static class StaffShowDossierTexts
{
    public const string AskCode = "Mã hồ sơ cần xem?";
    public const string NotFound = "Không có hồ sơ mã \"{0}\". Mã đúng dạng: {1}.";
}
