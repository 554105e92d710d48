using System.Globalization;
using Microsoft.Bot.Builder;
using OneStopBot.Dialogs.Deadlines;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Messages;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Calendar;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>How the ask dialog starts: with a procedure, a list of close ones to choose from, or neither.</summary>
/// <remarks>
/// <paramref name="Question"/> set means the understanding was not sure: "Có phải anh/chị hỏi về …?" offers the
/// candidates and "Không phải", which keeps the question for staff unless <paramref name="Recorded"/> says it is kept.
/// <paramref name="Linked"/>, <paramref name="Condolence"/> and <paramref name="Pages"/> are what the message's reading
/// found: the liên thông group, a death told in passing, a number of pages for the fee.
/// </remarks>
public sealed record AskOptions(
    string? ProcedureId = null,
    ProcedureAspect Aspect = ProcedureAspect.None,
    IReadOnlyList<string>? Candidates = null,
    string? Question = null,
    IReadOnlyList<string>? Also = null,
    bool Recorded = false,
    bool Linked = false,
    bool Condolence = false,
    int? Pages = null)
{
    /// <summary>What a message's reading asks the dialog to do: answer, confirm a guess, offer a list, or ask which.</summary>
    public static AskOptions For(MessageReading reading) =>
        new(
            reading.ProcedureId,
            reading.Aspect,
            reading.Candidates,
            reading.Band == ConfidenceBand.Confirm ? reading.Text : null,
            reading.AlsoProcedureIds,
            reading.Searched,
            reading.Linked,
            reading.Condolence,
            reading.Pages);
}

/// <summary>
/// <paramref name="Also"/>: further procedures the same message named, answered after the first.
/// <paramref name="Linked"/>: the message asked about the liên thông group (<see cref="LinkedGroup"/>).
/// <paramref name="Recorded"/>: the question was kept for staff when the candidates were offered.
/// <paramref name="Condolence"/>: a death told in passing; <paramref name="Pages"/>: pages written for the fee.
/// </summary>
public sealed record AskState(
    string? ProcedureId,
    ProcedureAspect Aspect,
    IReadOnlyList<string> Candidates,
    string? Question,
    IReadOnlyList<string> Also,
    bool Linked = false,
    bool Recorded = false,
    bool Condolence = false,
    int? Pages = null);

/// <summary>"Hỏi thủ tục": finds out which procedure is meant, then answers about it, acting on the message's reading.</summary>
public sealed class AskProcedureDialog(
    ProcedureCatalog catalog,
    MessageReader reader,
    ProcedureAnswers answers,
    ProcedureTopic topic,
    RootReplies replies,
    WorkingCalendar calendar) : WaterfallDialog<AskState>(DialogIds.AskProcedure)
{
    private readonly TextPrompt questionPrompt = new("ask.question");
    private readonly ChoicePrompt choicePrompt = new("ask.choice");
    private readonly ChoiceOrTextPrompt confirmPrompt = new("ask.confirm");

    public override IEnumerable<Dialog> Dependencies => [questionPrompt, choicePrompt, confirmPrompt];

    protected override AskState CreateState(object? options)
    {
        var ask = options as AskOptions ?? new AskOptions();
        var candidates = (ask.Candidates ?? []).Where(id => catalog.Find(id) is not null).ToList();
        var known = ask.ProcedureId is { } id && catalog.Find(id) is not null ? id : null;
        var also = (ask.Also ?? []).Where(id => id != known && catalog.Find(id) is not null).Distinct().ToList();
        return new AskState(known, ask.Aspect, candidates, candidates.Count > 0 ? ask.Question : null, also, ask.Linked, ask.Recorded, ask.Condolence, ask.Pages);
    }

    protected override IReadOnlyList<WaterfallStep<AskState>> Steps() =>
        [IdentifyProcedureStepAsync, ResolveProcedureStepAsync, AnswerStepAsync];

    private Task<DialogTurnResult> IdentifyProcedureStepAsync(WaterfallStepContext<AskState> step, CancellationToken cancellationToken)
    {
        var state = step.Values;
        if (state.Linked)
        {
            // "làm khai sinh và nhập hộ khẩu cho con": one dossier for the group, not one procedure of it.
            step.Values = state with { ProcedureId = LinkedGroup.BirthId, Candidates = [], Question = null, Also = [] };
            return step.NextAsync(null, cancellationToken);
        }
        if (state.ProcedureId is not null)
        {
            return step.NextAsync(null, cancellationToken);
        }
        if (state.Candidates.Count > 0)
        {
            var choices = NumberedChoices.Of(state.Candidates.Select(id => catalog.Find(id)!.SimpleName));
            if (state.Question is null)
            {
                return step.PromptAsync(choicePrompt.Id, new PromptOptions(ProcedureTexts.ChooseOne, Choices: choices), cancellationToken);
            }
            var text = string.Format(
                CultureInfo.InvariantCulture,
                state.Candidates.Count == 1 ? ProcedureTexts.ConfirmOne : ProcedureTexts.ConfirmSeveral,
                catalog.Find(state.Candidates[0])!.SimpleName);
            return step.PromptAsync(confirmPrompt.Id, new PromptOptions(text, Choices: [.. choices, ProcedureTexts.NotThis]), cancellationToken);
        }
        // Asked how to avoid a trip: the answer is for the procedure the resident names next.
        var ask = state.Aspect is ProcedureAspect.Trip or ProcedureAspect.Post ? ProcedureTexts.AskWhichForWays : ProcedureTexts.AskWhich;
        return step.PromptAsync(questionPrompt.Id, new PromptOptions(ask), cancellationToken);
    }

    private async Task<DialogTurnResult> ResolveProcedureStepAsync(WaterfallStepContext<AskState> step, CancellationToken cancellationToken)
    {
        switch (step.Result)
        {
            case FoundChoice choice when choice.Index >= step.Values.Candidates.Count:
                // "Không phải": none of the guesses; the question goes to staff and a person is offered.
                await answers.SendNotThisAsync(step.Context, step.Values.Question!, step.Values.Recorded, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case FoundChoice choice:
                step.Values = step.Values with { ProcedureId = step.Values.Candidates[choice.Index] };
                break;
            case string typed:
                // Typed instead of a button: read anew, against the guess when one waits to be confirmed.
                var proposed = step.Values.Question is not null ? step.Values.Candidates : null;
                return await ActOnTypedAsync(step, reader.Read(typed, new ReadingContext(Proposed: proposed)), cancellationToken);
        }
        return await step.NextAsync(null, cancellationToken);
    }

    /// <summary>What a typed answer to "which procedure?" or "Có phải …?" moves the dialog to.</summary>
    private async Task<DialogTurnResult> ActOnTypedAsync(WaterfallStepContext<AskState> step, MessageReading reading, CancellationToken cancellationToken)
    {
        var state = step.Values;
        switch (reading)
        {
            case { Refusal: Refusal.Stop }:
                await answers.SendStoppedAsync(step.Context, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case { Refusal: Refusal.NotThis }:
                await answers.SendNotThisAsync(step.Context, state.Question ?? reading.Text, state.Recorded, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case { Closing: true }:
                await replies.ThanksAsync(step.Context, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case var _ when RootRouter.FeatureOf(reading, null) is { } feature:
                // "hồ sơ của tui tới đâu rồi" instead of an answer: that feature now.
                return await step.ReplaceDialogAsync(feature.DialogId, feature.Options, cancellationToken);
            case { ChitChat: true }:
                // Small talk is no answer to "which procedure?": the same one line as at the root, nothing kept.
                await replies.ChitChatAsync(step.Context, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case { OtherAgency: { IsCovered: true } agency }:
                await replies.OtherAgencyAsync(step.Context, agency, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case { NotCovered: true }:
                await answers.SendNotCoveredAsync(step.Context, reading.Text, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case { Intent: Intent.Office }:
                await replies.OfficeFactsAsync(step.Context, reading.Day, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case { ProcedureId: { } procedureId }:
                step.Values = state with
                {
                    ProcedureId = procedureId, Aspect = Pick(state.Aspect, reading.Aspect), Condolence = reading.Condolence, Pages = reading.Pages,
                    Linked = reading.Linked, Also = reading.AlsoProcedureIds.Where(id => id != procedureId).ToList(),
                };
                return await step.GoToStepAsync(nameof(IdentifyProcedureStepAsync), cancellationToken);
            case { Candidates.Count: > 0 }:
                if (reading.Searched)
                {
                    answers.Keep(step.Context, reading.Text);
                }
                step.Values = state with
                {
                    Candidates = reading.Candidates, Question = reading.Band == ConfidenceBand.Confirm ? reading.Text : null,
                    Recorded = reading.Searched, Aspect = Pick(state.Aspect, reading.Aspect), Linked = reading.Linked,
                };
                return await step.GoToStepAsync(nameof(IdentifyProcedureStepAsync), cancellationToken);
            case { Intent: Intent.Ask, Aspect: not ProcedureAspect.None }:
                // "lệ phí" at "which procedure?": the aspect is kept, the procedure asked again.
                step.Values = state with { Aspect = reading.Aspect, Candidates = [], Question = null };
                return await step.GoToStepAsync(nameof(IdentifyProcedureStepAsync), cancellationToken);
            default:
                await answers.SendNotFoundAsync(step.Context, reading.Text, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> AnswerStepAsync(WaterfallStepContext<AskState> step, CancellationToken cancellationToken)
    {
        var procedure = catalog.Find(step.Values.ProcedureId!)!;
        var previous = await topic.GetAsync(step.Context, cancellationToken);
        if (previous is not null && previous != procedure.Id)
        {
            // The topic changed: say so, so that no fact is taken for the procedure talked about before.
            await step.Context.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, ProcedureTexts.NowAbout, procedure.SimpleName), cancellationToken: cancellationToken);
        }
        await topic.SetAsync(step.Context, procedure.Id, cancellationToken, step.Values.Aspect);
        if (previous != procedure.Id && step.Values.Condolence)
        {
            // A death told in passing is a loss first: condolences before the paperwork.
            await step.Context.SendActivityAsync(ProcedureTexts.Condolence, cancellationToken: cancellationToken);
        }
        if (step.Values.Linked)
        {
            await answers.SendLinkedGroupAsync(step.Context, catalog, cancellationToken);
            return await step.EndDialogAsync(procedure.Id, cancellationToken);
        }
        if (procedure.DeadlineRule is not null && step.Values.Also.Count == 0)
        {
            var text = step.Context.Activity.Text;
            var day = DeadlineDialog.DayIn(text, calendar.Today);
            if (step.Values.Aspect == ProcedureAspect.Deadline)
            {
                // The rule in words, then the last day counted from the day the resident gives (asked when not given).
                if (day is null)
                {
                    await step.Context.SendActivityAsync(MessageFactory.Text(ProcedureAnswers.Named(procedure, ProcedureAnswers.FactOf(procedure, ProcedureAspect.Deadline))), cancellationToken);
                }
                return await step.BeginDialogAsync(DialogIds.Deadline, new DeadlineOptions(procedure.Id, text), cancellationToken);
            }
            if (day is not null && step.Values.Aspect is ProcedureAspect.None or ProcedureAspect.Penalty)
            {
                // "bé sinh ngày 2/10, làm khai sinh thế nào": the answer, then the last day for that birth.
                await answers.SendAsync(step.Context, procedure, step.Values.Aspect, step.Values.Pages, cancellationToken);
                return await step.BeginDialogAsync(DialogIds.Deadline, new DeadlineOptions(procedure.Id, text), cancellationToken);
            }
        }
        await answers.SendAsync(step.Context, procedure, step.Values.Aspect, step.Values.Pages, cancellationToken);
        foreach (var other in step.Values.Also.Select(id => catalog.Find(id)!))
        {
            // Never one of two procedures silently: each named one gets its own answer, announced by name.
            await step.Context.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, ProcedureTexts.AlsoAbout, other.SimpleName), cancellationToken: cancellationToken);
            await answers.SendAsync(step.Context, other, step.Values.Aspect, null, cancellationToken);
        }
        return await step.EndDialogAsync(procedure.Id, cancellationToken);
    }

    private static ProcedureAspect Pick(ProcedureAspect asked, ProcedureAspect now) => now == ProcedureAspect.None ? asked : now;
}
