using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Dialogs.Dossiers;

/// <summary>What the resident has told so far; a null field is still to be asked.</summary>
public sealed record PreRegisterState(
    string? ProcedureId = null,
    IReadOnlyList<string>? Candidates = null,
    string? ApplicantName = null,
    string? Phone = null,
    string? Village = null,
    DateOnly? Day = null,
    string? CitizenId = null,
    bool CitizenIdAnswered = false,
    bool NameMarksAsked = false,
    bool OnlineOffered = false);

/// <summary>
/// "Nộp hồ sơ trước": asks the procedure, name, phone, village, day to come and (optionally) the citizen ID, shows a
/// summary to confirm or correct, then files the pre-registration and tells the resident what to bring and when.
/// </summary>
public sealed class PreRegisterDialog : WaterfallDialog<PreRegisterState>, IGuidedDialog
{
    /// <summary>How far ahead a resident may plan the visit.</summary>
    public const int MaxDaysAhead = 60;

    /// <summary>How many working days are offered as buttons when a day is refused.</summary>
    public const int DaysOffered = 5;

    private static readonly IReadOnlyList<string> ConfirmChoices = [PreRegisterTexts.Send, PreRegisterTexts.Correct];

    private static readonly IReadOnlyList<string> NameMarksChoices = [PreRegisterTexts.KeepName, PreRegisterTexts.RetypeName];

    private static readonly string OnlineChoice = UserText.Fold(ProcedureTexts.OnlineButton);

    /// <summary>The fields the summary can correct, by their button, each with what correcting it clears.</summary>
    private static readonly IReadOnlyList<Correction> Corrections =
    [
        new(PreRegisterTexts.FieldProcedure, state => state with { ProcedureId = null, Candidates = null }),
        new(PreRegisterTexts.FieldName, state => state with { ApplicantName = null }),
        new(PreRegisterTexts.FieldPhone, state => state with { Phone = null }),
        new(PreRegisterTexts.FieldVillage, state => state with { Village = null }),
        new(PreRegisterTexts.FieldDay, state => state with { Day = null }),
        new(PreRegisterTexts.FieldCitizenId, state => state with { CitizenId = null, CitizenIdAnswered = false }),
    ];

    private static readonly IReadOnlyList<string> Fields = [.. Corrections.Select(correction => correction.Field)];

    private readonly ProcedureCatalog catalog;
    private readonly LiveUnderstanding live;
    private readonly IDossierStore store;
    private readonly WorkingCalendar calendar;
    private readonly CommuneContext communes;
    private readonly ProcedureAnswers answers;
    private readonly TextPrompt procedurePrompt = new("submit.procedure");
    private readonly ChoicePrompt candidatePrompt = new("submit.candidate");
    private readonly TextPrompt namePrompt = new("submit.name", ValidateNameAsync, DossierValidation.MaxNameLength * 2);
    private readonly TextPrompt nameMarksPrompt = new("submit.nameMarks", ValidateNameMarksAsync, DossierValidation.MaxNameLength * 2);
    private readonly PhonePrompt phonePrompt = new("submit.phone");
    private readonly ChoicePrompt villagePrompt = new("submit.village");
    private readonly DatePrompt dayPrompt;
    private readonly OptionalCitizenIdPrompt citizenIdPrompt = new("submit.citizenId");
    private readonly YesNoChoicePrompt confirmPrompt = new("submit.confirm");
    private readonly ChoicePrompt fieldPrompt = new("submit.field");

    public PreRegisterDialog(
        ProcedureCatalog catalog,
        LiveUnderstanding live,
        IDossierStore store,
        WorkingCalendar calendar,
        CommuneContext communes,
        TimeProvider time,
        ProcedureAnswers answers)
        : base(DialogIds.PreRegister)
    {
        this.answers = answers;
        this.catalog = catalog;
        this.live = live;
        this.store = store;
        this.calendar = calendar;
        this.communes = communes;
        dayPrompt = new DatePrompt("submit.day", time, calendar.TimeZone, (prompt, _) => Task.FromResult(ValidateDay(prompt, calendar)));
    }

    public override IEnumerable<Dialog> Dependencies =>
        [procedurePrompt, candidatePrompt, namePrompt, nameMarksPrompt, phonePrompt, villagePrompt, dayPrompt, citizenIdPrompt, confirmPrompt, fieldPrompt];

    public string Purpose => PreRegisterTexts.Purpose;

    public int Answers(DialogInstance instance)
    {
        var values = ValuesOf(instance);
        return new object?[] { values.ProcedureId, values.ApplicantName, values.Phone, values.Village, values.Day }.Count(v => v is not null)
            + (values.CitizenIdAnswered ? 1 : 0);
    }

    public bool TryStepBack(DialogInstance instance)
    {
        if (StepBack(ValuesOf(instance)) is not { } earlier)
        {
            return false;
        }
        // Resuming runs the first step again; each step skips what is still known, so only the cleared answer is asked.
        Rewind(instance, earlier);
        return true;
    }

    /// <summary>The answers in the order they are asked; "quay lại" clears the last one given.</summary>
    private static PreRegisterState? StepBack(PreRegisterState values) =>
        values.CitizenIdAnswered ? values with { CitizenId = null, CitizenIdAnswered = false }
        : values.Day is not null ? values with { Day = null }
        : values.Village is not null ? values with { Village = null }
        : values.Phone is not null ? values with { Phone = null }
        : values.ApplicantName is not null ? values with { ApplicantName = null }
        : values.ProcedureId is not null ? values with { ProcedureId = null, Candidates = null, OnlineOffered = false }
        : null;

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        // A procedure known from the conversation is named first, so the resident knows what is being filed.
        if (options is FeatureOptions { ProcedureId: { } id } && catalog.Find(id) is { } procedure)
        {
            if (!await StartAsync(dc.Context, procedure, cancellationToken))
            {
                return await dc.EndDialogAsync(null, cancellationToken);
            }
        }
        return await base.BeginAsync(dc, options, cancellationToken);
    }

    protected override PreRegisterState CreateState(object? options) =>
        new(ProcedureId: options is FeatureOptions { ProcedureId: { } id } && catalog.Find(id) is not null ? id : null);

    protected override IReadOnlyList<WaterfallStep<PreRegisterState>> Steps() =>
    [
        AskProcedureStepAsync, SaveProcedureStepAsync, AskNameStepAsync, CheckNameMarksStepAsync, SaveNameMarksStepAsync, AskPhoneStepAsync, AskVillageStepAsync,
        AskDayStepAsync, AskCitizenIdStepAsync, SummaryStepAsync, ConfirmStepAsync, CorrectFieldStepAsync,
    ];

    private Task<DialogTurnResult> AskProcedureStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        var state = step.Values;
        if (state.ProcedureId is not null)
        {
            return step.NextAsync(null, cancellationToken);
        }
        if (state.Candidates is { Count: > 0 } candidates)
        {
            var choices = NumberedChoices.Of(candidates.Select(id => catalog.Find(id)!.SimpleName));
            return step.PromptAsync(candidatePrompt.Id, new PromptOptions(PreRegisterTexts.ChooseProcedure, Choices: choices), cancellationToken);
        }
        return step.PromptAsync(procedurePrompt.Id, new PromptOptions(PreRegisterTexts.AskProcedure), cancellationToken);
    }

    private async Task<DialogTurnResult> SaveProcedureStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        switch (step.Result)
        {
            case FoundChoice choice:
                step.Values = step.Values with { ProcedureId = step.Values.Candidates![choice.Index], Candidates = null };
                break;
            case string typed:
                var understood = live.Current.Understand(typed);
                if (understood.ProcedureId is { } id && catalog.Find(id) is not null)
                {
                    step.Values = step.Values with { ProcedureId = id, Candidates = null };
                    break;
                }
                var alternatives = understood.Alternatives.Where(a => catalog.Find(a) is not null).ToList();
                if (alternatives.Count == 0)
                {
                    await step.Context.SendActivityAsync(PreRegisterTexts.ProcedureNotFound, cancellationToken: cancellationToken);
                }
                step.Values = step.Values with { Candidates = alternatives };
                return await step.GoToStepAsync(nameof(AskProcedureStepAsync), cancellationToken);
            default:
                return await step.NextAsync(null, cancellationToken);
        }
        return await StartAsync(step.Context, catalog.Find(step.Values.ProcedureId!)!, cancellationToken)
            ? await step.NextAsync(null, cancellationToken)
            : await step.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>
    /// Names the procedure and who receives it; false, after saying where to ask, when the receiver is not
    /// confirmed (the resident must not be sent to the wrong place).
    /// </summary>
    private async Task<bool> StartAsync(ITurnContext context, Procedure procedure, CancellationToken cancellationToken)
    {
        if (procedure.Handler == ProcedureHandler.Unconfirmed)
        {
            var facts = communes.Current.Office;
            await context.SendActivityAsync(
                Replies.WithChoices(TextTemplate.Fill(PreRegisterTexts.NotOffered, procedure.SimpleName, facts.Phone), [MainMenu.AskProcedure, MainMenu.TalkToStaff]),
                cancellationToken);
            return false;
        }
        var starting = TextTemplate.Fill(PreRegisterTexts.Starting, procedure.SimpleName);
        if (Receiver(procedure) is { } other)
        {
            starting += " " + TextTemplate.Fill(PreRegisterTexts.OtherReceiver, other.Name);
        }
        await context.SendActivityAsync(starting, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>The receiver other than the one-stop desk, from configuration; null for the desk.</summary>
    private HandlerOffice? Receiver(Procedure procedure) => Receivers.Elsewhere(procedure.Handler, communes.Current.Office);

    /// <summary>Where and when to bring the papers: the receiver's place and hours.</summary>
    private string Visit(Procedure procedure, DateOnly day) =>
        Receiver(procedure) is { } other
            ? TextTemplate.Fill(PreRegisterTexts.Visit, other.Place, DossierFormat.Day(day), other.Hours)
            : TextTemplate.Fill(PreRegisterTexts.Visit, PreRegisterTexts.Desk, DossierFormat.Day(day), communes.Current.Office.WorkingHours);

    /// <summary>
    /// The expected result if the papers are complete on <paramref name="day"/>: only where the time rule is
    /// confirmed, counted in working days as the rule is. Not a due date: that starts when staff receive the dossier.
    /// </summary>
    private string Expected(Procedure procedure, DateOnly day) =>
        calendar.DueDate(calendar.StartOf(day), procedure.Time.WorkingDays) is { } expected
            ? TextTemplate.Fill(PreRegisterTexts.Expected, DossierFormat.Day(expected))
            : PreRegisterTexts.ExpectedUnknown;

    /// <summary>
    /// Asks the name. Where the procedure can be filed online, that comes first, once: a button shows how, with no trip at
    /// all; answering the name goes on to pre-register the visit.
    /// </summary>
    private Task<DialogTurnResult> AskNameStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        var values = step.Values;
        if (values is { ApplicantName: null, OnlineOffered: false, ProcedureId: { } id } && catalog.Find(id)?.OnlineGuide is not null)
        {
            return KeepThenAskAsync(step, values with { OnlineOffered = true }, s => s.ApplicantName is not null,
                namePrompt.Id, new PromptOptions($"{PreRegisterTexts.OnlineFirst}\n{PreRegisterTexts.AskName}", PreRegisterTexts.NameRetry, [ProcedureTexts.OnlineButton]), cancellationToken);
        }
        return KeepThenAskAsync(step, values, s => s.ApplicantName is not null,
            namePrompt.Id, new PromptOptions(values.NameMarksAsked ? PreRegisterTexts.AskNameWithMarks : PreRegisterTexts.AskName, PreRegisterTexts.NameRetry), cancellationToken);
    }

    private static bool IsOnlineChoice(string? text) => UserText.Fold(text).Trim(' ', '.', '!') == OnlineChoice;

    /// <summary>
    /// A name typed without Vietnamese marks ("nguyen van an") is kept as typed only if the resident says so: papers
    /// are made out in the name as written. Asked once per pre-registration, so a name that has none stays as it is.
    /// </summary>
    private async Task<DialogTurnResult> CheckNameMarksStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        if (step.Result is string typed && IsOnlineChoice(typed))
        {
            if (catalog.Find(step.Values.ProcedureId!) is { OnlineGuide: not null } online)
            {
                // Filing online instead: the steps, and nothing is pre-registered.
                await answers.SendAsync(step.Context, online, ProcedureAspect.Online, null, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }
            // The button's words are no name, and this procedure is not filed online: the name is asked again.
            return await step.GoToStepAsync(nameof(AskNameStepAsync), cancellationToken);
        }
        step.Values = WithName(step.Values, step.Result);
        if (step.Result is not string || step.Values is not { ApplicantName: { } name, NameMarksAsked: false } || !LacksMarks(name))
        {
            return await step.NextAsync(null, cancellationToken);
        }
        step.Values = step.Values with { NameMarksAsked = true };
        return await step.PromptAsync(
            nameMarksPrompt.Id,
            new PromptOptions(TextTemplate.Fill(PreRegisterTexts.NameWithoutMarks, name), PreRegisterTexts.NameMarksRetry, NameMarksChoices),
            cancellationToken);
    }

    /// <summary>A full name (two words or more) without a single Vietnamese mark; a given name alone ("Huy") may well have none.</summary>
    private static bool LacksMarks(string name) =>
        !VietnameseText.HasDiacritics(name) && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2;

    private Task<DialogTurnResult> SaveNameMarksStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        switch (NameMarksAnswer(step.Result as string))
        {
            case (PreRegisterTexts.RetypeName, _):
                step.Values = step.Values with { ApplicantName = null };
                return step.GoToStepAsync(nameof(AskNameStepAsync), cancellationToken);
            case (null, { } typedAgain):
                // The name typed again instead of a button is the answer: taken as typed, not asked about again.
                step.Values = WithName(step.Values, typedAgain);
                break;
        }
        return step.NextAsync(null, cancellationToken);
    }

    /// <summary>
    /// The answer to "keep the name, or type it again with marks?": a button (by label or number), or the name typed
    /// again. A name with marks is a name even where it shares a word with a button ("Nguyên" and "Giữ nguyên").
    /// </summary>
    private static (string? Choice, string? Name) NameMarksAnswer(string? text)
    {
        var choice = ChoiceRecognizer.Recognize(text, NameMarksChoices);
        var isName = PersonName.TryNormalize(text, out _, out _);
        var isLabel = choice.Succeeded && UserText.Fold(text).Trim() == UserText.Fold(choice.Value.Value).Trim();
        return choice.Succeeded && (!isName || isLabel || !VietnameseText.HasDiacritics(text ?? string.Empty))
            ? (choice.Value.Value, null)
            : (null, isName ? text : null);
    }

    private static Task<bool> ValidateNameMarksAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(NameMarksAnswer(prompt.Value) is not (null, null));

    private Task<DialogTurnResult> AskPhoneStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken) =>
        KeepThenAskAsync(step, step.Values, s => s.Phone is not null,
            phonePrompt.Id, new PromptOptions(PreRegisterTexts.AskPhone), cancellationToken);

    private Task<DialogTurnResult> AskVillageStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken) =>
        KeepThenAskAsync(step, step.Result is string phone ? step.Values with { Phone = phone } : step.Values, s => s.Village is not null,
            villagePrompt.Id, new PromptOptions(PreRegisterTexts.AskVillage, Choices: communes.Current.Office.Villages, FallbackChoices: communes.Current.Office.Villages), cancellationToken);

    private Task<DialogTurnResult> AskDayStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken) =>
        KeepThenAskAsync(step, step.Result is FoundChoice village ? step.Values with { Village = village.Value } : step.Values, s => s.Day is not null,
            dayPrompt.Id, DayOptions(), cancellationToken);

    private Task<DialogTurnResult> AskCitizenIdStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken) =>
        KeepThenAskAsync(step, step.Result is DateOnly day ? step.Values with { Day = day } : step.Values, s => s.CitizenIdAnswered,
            citizenIdPrompt.Id, new PromptOptions(PreRegisterTexts.AskCitizenId, Choices: [PreRegisterTexts.Skip], FallbackChoices: [PreRegisterTexts.Skip]), cancellationToken);

    /// <summary>
    /// Keeps the previous step's answer in the draft, then asks this step's question unless the draft has its answer
    /// already: a resident who corrects one field, or whose message named it, is not asked the others again.
    /// </summary>
    private static Task<DialogTurnResult> KeepThenAskAsync(
        WaterfallStepContext<PreRegisterState> step,
        PreRegisterState kept,
        Func<PreRegisterState, bool> answered,
        string promptId,
        PromptOptions question,
        CancellationToken cancellationToken)
    {
        step.Values = kept;
        return answered(kept) ? step.NextAsync(null, cancellationToken) : step.PromptAsync(promptId, question, cancellationToken);
    }

    private static PreRegisterState WithName(PreRegisterState state, object? result) =>
        result is string name && DossierValidation.TryNormalizeName(name, out var normalized) ? state with { ApplicantName = normalized } : state;

    private Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        if (step.Result is string citizenId)
        {
            step.Values = step.Values with { CitizenId = citizenId.Length == 0 ? null : citizenId, CitizenIdAnswered = true };
        }
        var state = step.Values;
        var summary = string.Join(
            "\n",
            PreRegisterTexts.Summary,
            PreRegisterTexts.SummaryProcedure + catalog.Find(state.ProcedureId!)!.SimpleName,
            PreRegisterTexts.SummaryName + state.ApplicantName,
            // The resident's own number in full, to them only: a typo must be seen before the dossier is filed.
            PreRegisterTexts.SummaryPhone + state.Phone,
            PreRegisterTexts.SummaryVillage + state.Village,
            PreRegisterTexts.SummaryDay + DossierFormat.Day(state.Day!.Value),
            PreRegisterTexts.SummaryCitizenId + (state.CitizenId is null ? PreRegisterTexts.NoCitizenId : Masking.CitizenId(state.CitizenId)),
            PreRegisterTexts.AskConfirm);
        return step.PromptAsync(confirmPrompt.Id, new PromptOptions(summary, PreRegisterTexts.AskConfirm, ConfirmChoices, ShowsOwnNumbers: true), cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice { Value: PreRegisterTexts.Send })
        {
            await SubmitAsync(step, cancellationToken);
            return await step.ReplaceDialogAsync(OfferNoticesDialog.DialogId, new OfferNoticesOptions(step.Values.Village!), cancellationToken);
        }
        return await step.PromptAsync(fieldPrompt.Id, new PromptOptions(PreRegisterTexts.AskField, Choices: Fields), cancellationToken);
    }

    private Task<DialogTurnResult> CorrectFieldStepAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        var field = ((FoundChoice)step.Result!).Value;
        step.Values = Corrections.Single(correction => correction.Field == field).Clear(step.Values);
        // Every ask step skips what is already known, so only the cleared field is asked again.
        return step.GoToStepAsync(nameof(AskProcedureStepAsync), cancellationToken);
    }

    private async Task SubmitAsync(WaterfallStepContext<PreRegisterState> step, CancellationToken cancellationToken)
    {
        var state = step.Values;
        var procedure = catalog.Find(state.ProcedureId!)!;
        var dossier = await store.PreRegisterAsync(new NewDossier
        {
            ProcedureId = procedure.Id,
            ApplicantName = state.ApplicantName!,
            Phone = state.Phone!,
            Village = state.Village!,
            CitizenId = state.CitizenId,
            Owner = step.Context.ChatAddress(),
            Submission = Submission.Online,
            WorkingDays = procedure.Time.WorkingDays,
            AppointmentDate = state.Day,
        }, cancellationToken);

        var expected = Expected(procedure, state.Day!.Value);
        // The code alone in its own message, just above the last one: easy to find, copy and read on a phone, not
        // scrolled away behind the list of papers.
        await step.Context.SendActivitiesAsync(
            [
                MessageFactory.Text(PreRegisterTexts.Done),
                MessageFactory.Text(ProcedureAnswers.DocumentList(procedure)),
                MessageFactory.Text(Visit(procedure, state.Day!.Value)),
                MessageFactory.Text(PreRegisterTexts.CodeFollows),
                MessageFactory.Text(dossier.Code),
                Replies.WithChoices(expected + " " + PreRegisterTexts.Next, [MainMenu.CheckDossier, MainMenu.AskProcedure, MainMenu.Subscribe]),
            ],
            cancellationToken);
    }

    /// <summary>The day question, its example the first working day after tomorrow, and the next working days once answers fail.</summary>
    private PromptOptions DayOptions()
    {
        var example = calendar.NextWorkingDay(calendar.Today.AddDays(1));
        return new PromptOptions(
            TextTemplate.Fill(PreRegisterTexts.AskDay, DossierFormat.DayMonth(example)),
            FallbackChoices: WorkingDaysFrom(calendar, calendar.Today));
    }

    /// <summary>Buttons for the next <see cref="DaysOffered"/> working days from <paramref name="from"/> on: "thứ Hai 30/11".</summary>
    private static List<string> WorkingDaysFrom(WorkingCalendar calendar, DateOnly from)
    {
        var days = new List<string>(DaysOffered);
        for (var day = calendar.IsWorkingDay(from) ? from : calendar.NextWorkingDay(from); days.Count < DaysOffered; day = calendar.NextWorkingDay(day))
        {
            days.Add(DossierFormat.ShortDay(day));
        }
        return days;
    }

    /// <summary>A name as <see cref="PersonName"/> accepts it; the retry message says what is wrong.</summary>
    private static Task<bool> ValidateNameAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (IsOnlineChoice(prompt.Value))
        {
            // The button offered with the name question: the next step shows how to file online.
            prompt.RetryMessage = null;
            return Task.FromResult(true);
        }
        var valid = PersonName.TryNormalize(prompt.Value, out _, out var reason);
        prompt.RetryMessage = valid ? null : reason.Message();
        return Task.FromResult(valid);
    }

    /// <summary>A working day, from today on, within <see cref="MaxDaysAhead"/> days; the retry message says what is wrong.</summary>
    private static bool ValidateDay(PromptValidatorContext<DateOnly> prompt, WorkingCalendar calendar)
    {
        var day = prompt.Value;
        var today = calendar.Today;
        prompt.RetryMessage = day < today ? PreRegisterTexts.DayInPast
            : day > today.AddDays(MaxDaysAhead) ? TextTemplate.Fill(PreRegisterTexts.DayTooFar, MaxDaysAhead)
            : calendar.HolidayName(day) is { } holiday && !calendar.IsWorkingDay(day) ? TextTemplate.Fill(PreRegisterTexts.DayHoliday, DossierFormat.Day(day), holiday)
            : !calendar.IsWorkingDay(day) ? TextTemplate.Fill(PreRegisterTexts.DayWeekend, DossierFormat.Day(day))
            : null;
        // Refused days come with the working days that would do: from the refused day when it is near, else from today.
        prompt.RetryChoices = prompt.RetryMessage is null ? null
            : WorkingDaysFrom(calendar, day > today && day <= today.AddDays(MaxDaysAhead) ? day : today);
        return prompt.RetryMessage is null;
    }

    /// <summary>A field of the summary, by its button, and what correcting it clears so that it is asked again.</summary>
    private sealed record Correction(string Field, Func<PreRegisterState, PreRegisterState> Clear);
}
