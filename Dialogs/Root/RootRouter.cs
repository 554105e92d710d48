using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Office;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Root;

/// <summary>Decides what a message starts when no dialog is waiting for it.</summary>
public sealed class RootRouter(
    LiveUnderstanding live,
    ProcedureCatalog catalog,
    ProcedureTopic topic,
    ProcedureAnswers answers,
    RootReplies replies,
    IOptions<OfficeOptions> office)
{
    // Read at each use: a retrained model may replace the running one between two messages.
    private MessageUnderstanding understanding => live.Current;

    private static readonly Dictionary<string, Intent> MenuIntents = new(StringComparer.Ordinal)
    {
        [UserText.Fold(MainMenu.AskProcedure)] = Intent.Ask,
        [UserText.Fold(MainMenu.CheckDossier)] = Intent.Status,
        [UserText.Fold(MainMenu.PreRegister)] = Intent.Submit,
        [UserText.Fold(MainMenu.Subscribe)] = Intent.Subscribe,
        [UserText.Fold(MainMenu.TalkToStaff)] = Intent.Human,
    };

    private static readonly Dictionary<string, ProcedureAspect> AnswerButtons =
        ProcedureAnswers.AspectButtons.ToDictionary(button => UserText.Fold(button.Key), button => button.Value, StringComparer.Ordinal);

    private static readonly Dictionary<Intent, string> FeatureDialogs = new()
    {
        [Intent.Submit] = DialogIds.PreRegister,
        [Intent.Status] = DialogIds.CheckDossier,
        [Intent.Subscribe] = DialogIds.Subscribe,
        [Intent.Unsubscribe] = DialogIds.Unsubscribe,
        [Intent.Feedback] = DialogIds.Feedback,
        [Intent.Human] = DialogIds.TalkToStaff,
    };

    private static readonly string[] PoliteLeads = ["cho em ", "cho toi ", "cho minh ", "em muon ", "toi muon ", "minh muon ", "tui muon ", "em can ", "toi can "];

    private static readonly string OtherProcedure = UserText.Fold(ProcedureTexts.OtherProcedureButton);

    // Thanks as residents type it; a thank-you gets a short reply, not the whole menu.
    private static readonly string[] Thanks = ["cam on", "cam o", "camon", "cmon", "thank", "thanks", "tks", "thank you", "da cam on", "cam on nhieu", "cam on em", "cam on ban", "cam on nhe", "cam on nha", "cam on a", "cam on chi", "cam on can bo"];

    private const int MaxConfirmCandidates = 3;

    public async Task RouteAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var text = turn.Activity.Text ?? string.Empty;
        var current = await topic.GetAsync(turn, cancellationToken);

        if (RequestedProcedure(turn.Activity.Value) is { } requested)
        {
            await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(requested), cancellationToken);
            return;
        }

        if (StaffCommands.TryParse(text, out var commandDialog, out var arguments))
        {
            await RunStaffCommandAsync(dc, commandDialog, arguments, cancellationToken);
            return;
        }

        // A rating button answers a rating request sent earlier through the outbox; unasked, it is an ordinary message.
        if (RatingDialog.IsRatingAnswer(text) && dc.Dialogs.Find(DialogIds.Rating) is RatingDialog rating && rating.IsAwaited(turn))
        {
            await StartAsync(dc, DialogIds.Rating, new FeatureOptions(null, text), cancellationToken);
            return;
        }

        var folded = UserText.Fold(text);
        if (folded == OtherProcedure)
        {
            await topic.SetAsync(turn, null, cancellationToken);
            await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(), cancellationToken);
            return;
        }
        if (AnswerButtons.TryGetValue(folded, out var aspect))
        {
            await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(current, aspect), cancellationToken);
            return;
        }
        // A code is exact: the status lookup starts with it, before any reading of the sentence.
        if (DossierCode.TryFind(text, office.Value.AgencyCode, out _))
        {
            await StartAsync(dc, DialogIds.CheckDossier, new FeatureOptions(null, text), cancellationToken);
            return;
        }
        if (Thanks.Contains(folded.Trim(' ', '.', '!', ',')))
        {
            await replies.ThanksAsync(turn, cancellationToken);
            return;
        }
        if (MenuIntents.TryGetValue(MenuRequest(text), out var menuIntent))
        {
            // A menu button starts its feature afresh; a procedure already talked about carries over to pre-registration.
            await (menuIntent == Intent.Ask
                ? StartAsync(dc, DialogIds.AskProcedure, new AskOptions(), cancellationToken)
                : RouteIntentAsync(dc, new Understanding(text, menuIntent, null, 1, [], ProcedureAspect.None), current, cancellationToken));
            return;
        }

        await RouteIntentAsync(dc, FollowUp(text, current), current, cancellationToken);
    }

    /// <summary>
    /// Reads a message against the procedure in context: one that asks about an aspect without clearly naming
    /// another procedure (the answer band) is about the procedure in context.
    /// </summary>
    private Understanding FollowUp(string text, string? current)
    {
        if (current is null)
        {
            return QuestionReading.Read(understanding, text);
        }
        // "con phí thì sao": typed without marks, "con" opening a follow-up is "còn", not a child.
        var words = text.TrimStart().Split(' ', 2);
        if (words.Length == 2 && string.Equals(words[0], "con", StringComparison.OrdinalIgnoreCase))
        {
            text = "còn " + words[1];
        }
        var understood = QuestionReading.Read(understanding, text, current);
        var aspect = understood.Aspect == ProcedureAspect.None ? understanding.AspectOf(text, current) : understood.Aspect;
        if (catalog.Find(current) is { } about && ProcedureAnswers.PageFeeOf(about, text) is not null)
        {
            // "10 trang thì bao nhiêu", "còn 500 trang thì sao" after chứng thực bản sao ask its fee for that many pages.
            aspect = ProcedureAspect.Fee;
        }
        if (aspect == ProcedureAspect.None && understood.ProcedureId is null && understood is not { Intent: Intent.Greeting, Closing: true }
            && ConfirmRecognizer.Recognize(text) is { Succeeded: true, Value: true })
        {
            // "ừ đúng rồi" after an answer: yes, that procedure; say it again rather than small talk.
            return understood with { Intent = Intent.Ask, ProcedureId = current, Aspect = ProcedureAspect.None, Alternatives = [], Band = ConfidenceBand.Answer, ChitChat = false };
        }
        // Words the procedure in context shares with another ("xác nhận") do not move the topic; its own name does.
        var namesAnother = understood.ProcedureId is { } other && other != current && understood.Band == ConfidenceBand.Answer
            && understanding.NamesApart(text, other, current);
        // "sáng thứ bảy có ai làm không" after a procedure asks when its receiver is open, not the office's general facts.
        var isQuestion = understood.Intent is Intent.Ask or Intent.None || (understood is { Intent: Intent.Greeting, Closing: false } && aspect != ProcedureAspect.None)
            || (understood.Intent == Intent.Office && aspect is ProcedureAspect.Hours);
        return aspect != ProcedureAspect.None && isQuestion && !namesAnother && understood.OtherAgencyId is null
            ? understood with { Intent = Intent.Ask, ProcedureId = current, Aspect = aspect, Alternatives = [], Band = ConfidenceBand.Answer }
            : understood;
    }

    public Task StartAsync(DialogContext dc, string dialogId, object? options, CancellationToken cancellationToken) =>
        dc.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>
    /// A main-menu request ("tra cứu hồ sơ", "nộp hồ sơ trước") typed while a dialog waits for something else, or a
    /// dossier code in the middle of a resident's guided flow (staff prompts, questions for staff and comments take
    /// codes as their text): the resident wants that feature now.
    /// </summary>
    public bool IsFeatureRequest(DialogContext dc, string text) =>
        MenuIntents.ContainsKey(MenuRequest(text))
        || (dc.Dialogs.Find(dc.Stack.Instances[0].Id).Purpose is not null && DossierCode.TryFind(text, office.Value.AgencyCode, out _));

    /// <summary>A message reduced to the menu label it may be: folded, without punctuation and a polite lead ("cho em", "em muốn").</summary>
    private static string MenuRequest(string text)
    {
        var folded = UserText.Fold(text).Trim(' ', '.', '!', '?', ',');
        foreach (var lead in PoliteLeads)
        {
            if (folded.StartsWith(lead, StringComparison.Ordinal))
            {
                return folded[lead.Length..];
            }
        }
        return folded;
    }

    private async Task RunStaffCommandAsync(DialogContext dc, string? dialogId, string arguments, CancellationToken cancellationToken)
    {
        // Staff rights come from the channel's authentication only, never from an id in the activity.
        if (dc.Context.StaffName() is null)
        {
            await replies.MenuAsync(dc.Context, RootTexts.StaffOnly, cancellationToken);
        }
        else if (dialogId is null || !dc.Dialogs.Contains(dialogId))
        {
            await dc.Context.SendActivityAsync(RootTexts.UnknownCommand, cancellationToken: cancellationToken);
        }
        else
        {
            await StartAsync(dc, dialogId, new FeatureOptions(null, arguments), cancellationToken);
        }
    }

    private async Task RouteIntentAsync(DialogContext dc, Understanding understood, string? current, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var procedure = understood.ProcedureId ?? current;
        if (FeatureDialogs.TryGetValue(understood.Intent, out var featureDialog))
        {
            // Only pre-registration is about a procedure; the other features start from the message alone.
            var about = understood.Intent == Intent.Submit ? procedure : null;
            await StartAsync(dc, featureDialog, new FeatureOptions(about, understood.Text), cancellationToken);
            return;
        }
        if (understood.OtherAgencyId is { } agencyId && catalog.FindOtherAgency(agencyId) is { } agency)
        {
            await replies.OtherAgencyAsync(turn, agency, cancellationToken);
            return;
        }
        switch (understood.Intent)
        {
            case Intent.Ask when understood.Band == ConfidenceBand.Confirm && understood.ProcedureId is { } likely:
                await StartAsync(
                    dc,
                    DialogIds.AskProcedure,
                    new AskOptions(null, understood.Aspect, [likely, .. understood.Alternatives.Take(MaxConfirmCandidates - 1)], understood.Text),
                    cancellationToken);
                break;
            case Intent.Ask when understood.ProcedureId is not null || (understood.Aspect != ProcedureAspect.None && current is not null):
                await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(procedure, understood.Aspect, Also: understood.AlsoProcedureIds), cancellationToken);
                break;
            case Intent.Ask when understood.Alternatives.Count > 0:
                await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(null, understood.Aspect, understood.Alternatives), cancellationToken);
                break;
            case Intent.Ask when understood.Aspect != ProcedureAspect.None:
                // "mất bao lâu" with no procedure talked about yet: ask which one.
                await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(null, understood.Aspect), cancellationToken);
                break;
            case Intent.Office:
                await replies.OfficeFactsAsync(turn, cancellationToken);
                break;
            case Intent.Greeting when understood.Closing:
                await replies.ThanksAsync(turn, cancellationToken);
                break;
            case Intent.Greeting:
                await replies.WelcomeAsync(turn, cancellationToken);
                break;
            case Intent.Help:
                await replies.MenuAsync(turn, RootTexts.Help, cancellationToken);
                break;
            case Intent.None when understood.ChitChat:
                // Learned apart from real messages nothing fits, which still go to staff below.
                await replies.ChitChatAsync(turn, cancellationToken);
                break;
            case Intent.None or Intent.Ask when answers.SearchNotFound(turn, understood) is { Count: > 0 } found:
                // Understanding found nothing, search finds the procedure by its words: a short list, "Không phải" last.
                await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(null, understood.Aspect, found, understood.Text, Recorded: true), cancellationToken);
                break;
            case Intent.None or Intent.Ask when current is not null && understood.OtherAgencyId is null:
                // Nothing falls out of the conversation: answered about the procedure in context, on what the message
                // most likely asks, with buttons for the rest; still kept for staff, since it was not understood.
                answers.Keep(turn, understood.Text);
                await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(current, understanding.LikeliestAspectOf(understood.Text, current)), cancellationToken);
                break;
            default:
                await answers.SendNotFoundAsync(turn, cancellationToken);
                break;
        }
    }

    /// <summary>A page that opens the chat on a procedure (web chat's <c>?hoi=khai-sinh</c>) sends it as the message value.</summary>
    private static string? RequestedProcedure(object? value) =>
        value switch
        {
            // Only a string counts: a client may send any JSON here.
            JObject json when json["procedure"] is JValue { Type: JTokenType.String } procedure => (string?)procedure,
            _ => null,
        };
}
