using System.Globalization;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>How the ask dialog starts: with a procedure, a list of close ones to choose from, or neither.</summary>
/// <remarks>
/// <paramref name="Question"/> set means the understanding was not sure: "Có phải anh/chị hỏi về …?" offers the
/// candidates and "Không phải", which keeps the question for staff unless <paramref name="Recorded"/> says it is kept.
/// </remarks>
public sealed record AskOptions(
    string? ProcedureId = null,
    ProcedureAspect Aspect = ProcedureAspect.None,
    IReadOnlyList<string>? Candidates = null,
    string? Question = null,
    IReadOnlyList<string>? Also = null,
    bool Recorded = false);

/// <summary>
/// <paramref name="Also"/>: further procedures the same message named, answered after the first.
/// <paramref name="Linked"/>: the message asked about the liên thông group (<see cref="LinkedGroup"/>).
/// <paramref name="Recorded"/>: the question was kept for staff when the candidates were offered.
/// </summary>
public sealed record AskState(string? ProcedureId, ProcedureAspect Aspect, IReadOnlyList<string> Candidates, string? Question, IReadOnlyList<string> Also, bool Linked = false, bool Recorded = false);

/// <summary>"Hỏi thủ tục": finds out which procedure is meant, then answers about it.</summary>
public sealed class AskProcedureDialog(
    ProcedureCatalog catalog,
    LiveUnderstanding live,
    ProcedureAnswers answers,
    ProcedureTopic topic,
    RootReplies replies) : WaterfallDialog<AskState>(DialogIds.AskProcedure)
{
    // Read at each use: a retrained model may replace the running one between two messages.
    private MessageUnderstanding understanding => live.Current;

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
        return new AskState(known, ask.Aspect, candidates, candidates.Count > 0 ? ask.Question : null, also, Recorded: ask.Recorded);
    }

    protected override IReadOnlyList<WaterfallStep<AskState>> Steps() =>
        [IdentifyProcedureStepAsync, ResolveProcedureStepAsync, AnswerStepAsync];

    private Task<DialogTurnResult> IdentifyProcedureStepAsync(WaterfallStepContext<AskState> step, CancellationToken cancellationToken)
    {
        var state = step.Values;
        if (LinkedGroup.IsAskedIn(step.Context.Activity.Text)
            && (LinkedGroup.Contains(state.ProcedureId) || state.Candidates.Any(LinkedGroup.Contains)))
        {
            // "làm khai sinh và nhập hộ khẩu cho con": one dossier for the group, not one procedure of it.
            step.Values = state with { ProcedureId = LinkedGroup.BirthId, Candidates = [], Question = null, Also = [], Linked = true };
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
            var text = state.Candidates.Count == 1
                ? string.Format(CultureInfo.InvariantCulture, ProcedureTexts.ConfirmOne, catalog.Find(state.Candidates[0])!.SimpleName)
                : ProcedureTexts.ConfirmSeveral;
            return step.PromptAsync(confirmPrompt.Id, new PromptOptions(text, Choices: [.. choices, ProcedureTexts.NotThis]), cancellationToken);
        }
        return step.PromptAsync(questionPrompt.Id, new PromptOptions(ProcedureTexts.AskWhich), cancellationToken);
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
            case string typed when step.Values.Question is not null && ConfirmAnswer(typed, step.Values.Candidates) is { } confirmed:
                // After "Có phải anh/chị hỏi về …?" a typed yes, another procedure or a question about the guess is an answer too.
                if (confirmed.ProcedureId is null && ConfirmRecognizer.Recognize(typed) is { Succeeded: true, Value: false } && UserText.Fold(typed).Contains("thoi", StringComparison.Ordinal))
                {
                    // "thôi khỏi": the resident stops here, which is no question for staff.
                    await step.Context.SendActivityAsync(ProcedureTexts.Stopped, cancellationToken: cancellationToken);
                    return await step.EndDialogAsync(null, cancellationToken);
                }
                if (confirmed.ProcedureId is null)
                {
                    await answers.SendNotThisAsync(step.Context, step.Values.Question, step.Values.Recorded, cancellationToken);
                    return await step.EndDialogAsync(null, cancellationToken);
                }
                step.Values = step.Values with { ProcedureId = confirmed.ProcedureId, Aspect = Pick(step.Values.Aspect, confirmed.Aspect) };
                break;
            case string question:
                var understood = QuestionReading.Read(understanding, question);
                if (understood.ChitChat)
                {
                    // Small talk is no answer to "which procedure?": the same one line as at the root, nothing kept.
                    await replies.ChitChatAsync(step.Context, cancellationToken);
                    return await step.EndDialogAsync(null, cancellationToken);
                }
                if (understood.ProcedureId is { } procedureId)
                {
                    step.Values = step.Values with { ProcedureId = procedureId, Aspect = Pick(step.Values.Aspect, understood.Aspect) };
                }
                else if (understood.Band == ConfidenceBand.NotFound && answers.SearchNotFound(step.Context, understood) is { Count: > 0 } found)
                {
                    step.Values = step.Values with { Candidates = found, Question = question, Recorded = true };
                    return await step.GoToStepAsync(0, cancellationToken);
                }
                else if (understood.Alternatives.Count > 0)
                {
                    step.Values = step.Values with { Candidates = understood.Alternatives, Aspect = Pick(step.Values.Aspect, understood.Aspect) };
                    return await step.GoToStepAsync(0, cancellationToken);
                }
                else
                {
                    await answers.SendNotFoundAsync(step.Context, cancellationToken);
                    return await step.EndDialogAsync(null, cancellationToken);
                }
                break;
        }
        return await step.NextAsync(null, cancellationToken);
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
        await topic.SetAsync(step.Context, procedure.Id, cancellationToken);
        if (previous != procedure.Id && step.Values.Aspect == ProcedureAspect.None && procedure.Id == DeathId
            && !understanding.Names(step.Context.Activity.Text, procedure.Id))
        {
            // A death told in passing is a loss first: condolences before the paperwork.
            await step.Context.SendActivityAsync(ProcedureTexts.Condolence, cancellationToken: cancellationToken);
        }
        if (step.Values.Linked)
        {
            await answers.SendLinkedGroupAsync(step.Context, catalog, cancellationToken);
            return await step.EndDialogAsync(procedure.Id, cancellationToken);
        }
        await answers.SendAsync(step.Context, procedure, step.Values.Aspect, cancellationToken);
        foreach (var other in step.Values.Also.Select(id => catalog.Find(id)!))
        {
            // Never one of two procedures silently: each named one gets its own answer, announced by name.
            await step.Context.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, ProcedureTexts.AlsoAbout, other.SimpleName), cancellationToken: cancellationToken);
            await answers.SendAsync(step.Context, other, step.Values.Aspect, cancellationToken);
        }
        return await step.EndDialogAsync(procedure.Id, cancellationToken);
    }

    private static ProcedureAspect Pick(ProcedureAspect asked, ProcedureAspect now) => now == ProcedureAspect.None ? asked : now;

    private const string DeathId = "khai-tu";

    /// <summary>
    /// A typed answer to "Có phải anh/chị hỏi về …?": a procedure it names clearly; yes (the first guess); no (no
    /// procedure); a question about an aspect of the first guess. Null when it is none of these: read as a new question.
    /// </summary>
    private (string? ProcedureId, ProcedureAspect Aspect)? ConfirmAnswer(string typed, IReadOnlyList<string> candidates)
    {
        var understood = QuestionReading.Read(understanding, typed, candidates[0]);
        if (understood is { ProcedureId: { } named, Band: ConfidenceBand.Answer, Intent: Intent.Ask })
        {
            return (named, understood.Aspect);
        }
        var aspect = understanding.AspectOf(typed, candidates[0]);
        return ConfirmRecognizer.Recognize(typed) switch
        {
            { Succeeded: true, Value: true } => (candidates[0], aspect),
            { Succeeded: true, Value: false } when aspect == ProcedureAspect.None => (null, aspect),
            _ when aspect != ProcedureAspect.None => (candidates[0], aspect),
            _ => null,
        };
    }
}
