using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Staff;

public sealed record StaffUpdateState(string? Code = null, DossierStatus? Status = null, string? Note = null);

/// <summary>
/// <c>/capnhat MÃ</c>: the new status (only those the office's rules allow after the current one, for this
/// procedure), a note (required where the resident must be told what or why), a confirmation, then the change
/// (audited, resident notified when the dossier has a chat, and staff told whether).
/// </summary>
public sealed class StaffUpdateDossierDialog(IDossierStore store, DossierUpdates updates)
    : WaterfallDialog<StaffUpdateState>(DialogIds.StaffUpdateDossier)
{
    private readonly TextPrompt codePrompt = new("staff.capnhat.code");
    private readonly ChoicePrompt statusPrompt = new("staff.capnhat.status");
    private readonly TextPrompt notePrompt = new("staff.capnhat.note", maxLength: DossierValidation.MaxNoteLength);
    private readonly TextPrompt requiredNotePrompt = new("staff.capnhat.requiredNote", ValidateRequiredNoteAsync, DossierValidation.MaxNoteLength);
    private readonly ConfirmPrompt confirmPrompt = new("staff.capnhat.confirm");

    public override IEnumerable<Dialog> Dependencies => [codePrompt, statusPrompt, notePrompt, requiredNotePrompt, confirmPrompt];

    protected override StaffUpdateState CreateState(object? options) => new(StaffDossierCode.Typed(options));

    protected override IReadOnlyList<WaterfallStep<StaffUpdateState>> Steps() =>
        [AskCodeStepAsync, AskStatusStepAsync, AskNoteStepAsync, ConfirmStepAsync, ApplyStepAsync];

    private Task<DialogTurnResult> AskCodeStepAsync(WaterfallStepContext<StaffUpdateState> step, CancellationToken cancellationToken) =>
        StaffDossierCode.AskAsync(step, step.Values.Code, codePrompt, StaffUpdateTexts.AskCode, cancellationToken);

    private async Task<DialogTurnResult> AskStatusStepAsync(WaterfallStepContext<StaffUpdateState> step, CancellationToken cancellationToken)
    {
        var typed = (string)step.Result!;
        if (await store.FindAsync(typed, cancellationToken) is not { } dossier)
        {
            await step.Context.SendActivityAsync(
                TextTemplate.Fill(StaffUpdateTexts.NotFound, DossierCode.Example(store.AgencyCode)), cancellationToken: cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        step.Values = step.Values with { Code = dossier.Code };
        var allowed = Allowed(dossier);
        if (allowed.Count == 0)
        {
            await step.Context.SendActivityAsync(
                TextTemplate.Fill(StaffUpdateTexts.Final, dossier.Code, dossier.Status.Text().Label), cancellationToken: cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var prompt = TextTemplate.Fill(StaffUpdateTexts.AskStatus, dossier.Code, dossier.Status.Text().Label);
        return await step.PromptAsync(statusPrompt.Id, new PromptOptions(prompt, Choices: allowed.Select(s => s.Text().Label).ToList()), cancellationToken);
    }

    private async Task<DialogTurnResult> AskNoteStepAsync(WaterfallStepContext<StaffUpdateState> step, CancellationToken cancellationToken)
    {
        var status = Allowed((await store.FindAsync(step.Values.Code, cancellationToken))!)[((FoundChoice)step.Result!).Index];
        step.Values = step.Values with { Status = status };
        return status.RequiresNote()
            ? await step.PromptAsync(requiredNotePrompt.Id, new PromptOptions(TextTemplate.Fill(StaffUpdateTexts.AskRequiredNote, status.Text().Label), StaffUpdateTexts.NoteRequired), cancellationToken)
            : await step.PromptAsync(notePrompt.Id, new PromptOptions(StaffUpdateTexts.AskNote, Choices: [StaffUpdateTexts.Skip]), cancellationToken);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<StaffUpdateState> step, CancellationToken cancellationToken)
    {
        var note = (string)step.Result!;
        step.Values = step.Values with { Note = UserText.Fold(note) == UserText.Fold(StaffUpdateTexts.Skip) ? null : note };
        var values = step.Values;
        var prompt = TextTemplate.Fill(StaffUpdateTexts.Confirm, values.Code!, values.Status!.Value.Text().Label, values.Note ?? StaffUpdateTexts.NoNote);
        return step.PromptAsync(confirmPrompt.Id, new PromptOptions(prompt, Choices: ConfirmPrompt.YesNo), cancellationToken);
    }

    private async Task<DialogTurnResult> ApplyStepAsync(WaterfallStepContext<StaffUpdateState> step, CancellationToken cancellationToken)
    {
        var values = step.Values;
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(StaffUpdateTexts.NotChanged, cancellationToken: cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var actor = StaffActor.Of(step.Context);
        Dossier? changed;
        string text;
        try
        {
            changed = await updates.ChangeStatusAsync(values.Code!, values.Status!.Value, actor, values.Note, cancellationToken);
            text = changed is null
                ? TextTemplate.Fill(StaffUpdateTexts.NotFound, DossierCode.Example(store.AgencyCode))
                : TextTemplate.Fill(StaffUpdateTexts.Changed, changed.Code, changed.Status.Text().Label, changed.ToStaff());
        }
        catch (DossierStatusRefusedException refused)
        {
            // Someone changed the dossier since the choice was offered.
            changed = null;
            text = refused.Refusal.Reason();
        }
        await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken);
        return await step.EndDialogAsync(changed?.Code, cancellationToken);
    }

    /// <summary>The statuses the office's rules allow next for <paramref name="dossier"/>, whatever the note.</summary>
    private List<DossierStatus> Allowed(Dossier dossier) =>
        dossier.Status.AllowedNext().Where(next => updates.Refusal(dossier, next, StaffUpdateTexts.AnyNote) is null).ToList();

    /// <summary>A note that says something: "Bỏ qua" or a blank is no note.</summary>
    private static Task<bool> ValidateRequiredNoteAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(UserText.Fold(prompt.Value) != UserText.Fold(StaffUpdateTexts.Skip) && !string.IsNullOrWhiteSpace(prompt.Value));
}

internal static class StaffUpdateTexts
{
    public const string AskCode = "Mã hồ sơ cần cập nhật?";
    public const string NotFound = "Không có hồ sơ mã này. Mã đúng dạng: {0}.";
    public const string AskStatus = "Hồ sơ {0} đang ở trạng thái: {1}. Chọn trạng thái mới:";
    public const string AskNote = "Ghi chú cho người dân (không bắt buộc)? Bấm \"Bỏ qua\" nếu không có.";
    public const string AskRequiredNote = "\"{0}\" cần ghi chú cho người dân: cần bổ sung gì, nộp bao nhiêu, hoặc lý do. Gõ ghi chú:";
    public const string NoteRequired = "Trạng thái này bắt buộc có ghi chú. Gõ ghi chú cho người dân:";
    public const string Final = "Hồ sơ {0} đã ở trạng thái cuối: {1}. Không đổi được nữa.";

    /// <summary>Stands for the note when asking which statuses are allowed at all: the note is asked afterwards.</summary>
    public const string AnyNote = "…";
    public const string Skip = "Bỏ qua";
    public const string NoNote = "không có";
    public const string Confirm = "Đổi hồ sơ {0} sang \"{1}\", ghi chú: {2}. Xác nhận?";
    public const string NotChanged = "Đã huỷ, hồ sơ giữ nguyên.";
    public const string Changed = "Đã cập nhật hồ sơ {0}: {1}. {2}";
}
