using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Addressing;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Telemetry;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Storage;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>
/// Answers about a procedure. A first answer is at most three messages — what it is, what to bring, one line each for
/// time, fee and where — with buttons only for what it did not show; a follow-up is one message about one aspect.
/// </summary>
public sealed class ProcedureAnswers(CommuneContext communes, IUnansweredQuestionStore unanswered, DialogTelemetry telemetry)
{
    /// <summary>The aspect each answer button asks about, for the router to read a pressed button.</summary>
    public static readonly IReadOnlyDictionary<string, ProcedureAspect> AspectButtons = new Dictionary<string, ProcedureAspect>(StringComparer.Ordinal)
    {
        [ProcedureTexts.DocumentsButton] = ProcedureAspect.Documents,
        [ProcedureTexts.FeeButton] = ProcedureAspect.Fee,
        [ProcedureTexts.TimeButton] = ProcedureAspect.Time,
        [ProcedureTexts.WhereButton] = ProcedureAspect.Where,
        [ProcedureTexts.OnlineButton] = ProcedureAspect.Online,
        [ProcedureTexts.WhoQualifiesButton] = ProcedureAspect.WhoQualifies,
    };

    /// <summary>The buttons of the ways to avoid a trip, shown under a trip answer only, for the router to read too.</summary>
    public static readonly IReadOnlyDictionary<string, ProcedureAspect> TripButtons = new Dictionary<string, ProcedureAspect>(StringComparer.Ordinal)
    {
        [ProcedureTexts.ProxyButton] = ProcedureAspect.Proxy,
        [ProcedureTexts.PostButton] = ProcedureAspect.Post,
    };

    /// <param name="pages">A number of pages the resident wrote, where the fee is counted by pages.</param>
    public Task SendAsync(ITurnContext turnContext, Procedure procedure, ProcedureAspect aspect, int? pages, CancellationToken cancellationToken) =>
        turnContext.SendActivitiesAsync([.. Compose(procedure, aspect, pages)], cancellationToken);

    /// <summary>
    /// The liên thông group (khai sinh – thường trú – BHYT for children under 6): one dossier, what to bring for it,
    /// and a button to each of its procedures.
    /// </summary>
    public Task SendLinkedGroupAsync(ITurnContext turnContext, ProcedureCatalog catalog, CancellationToken cancellationToken) =>
        turnContext.SendActivitiesAsync([.. ComposeLinkedGroup(catalog)], cancellationToken);

    internal IReadOnlyList<IActivity> ComposeLinkedGroup(ProcedureCatalog catalog)
    {
        var birth = catalog.Find(LinkedGroup.BirthId)!;
        var essentials = string.Join('\n', ProcedureTexts.GroupTime, ProcedureTexts.GroupFee, ProcedureTexts.GroupOnline, ProcedureTexts.Where + PlaceOf(birth));
        IReadOnlyList<string> buttons =
        [
            .. LinkedGroup.Ids.Select(id => catalog.Find(id)!.SimpleName), MainMenu.PreRegister, MainMenu.TalkToStaff, ProcedureTexts.OtherProcedureButton,
        ];
        return
        [
            MessageFactory.Text(ProcedureTexts.GroupWhat),
            MessageFactory.Text($"{DocumentList(birth)}\n{ProcedureTexts.GroupMore}"),
            Replies.WithChoices(essentials, buttons),
        ];
    }

    /// <summary>What the procedure file says about one aspect, or an honest "not written" where it says nothing.</summary>
    public static string FactOf(Procedure procedure, ProcedureAspect aspect) => aspect switch
    {
        ProcedureAspect.Documents => DocumentList(procedure),
        ProcedureAspect.Fee => ProcedureTexts.Fee + procedure.Fee.Text,
        ProcedureAspect.Time => ProcedureTexts.Time + procedure.Time.Text,
        ProcedureAspect.Where => ProcedureTexts.Where + procedure.WhereAndWhen,
        ProcedureAspect.Online => ProcedureTexts.Online + procedure.Online.Text,
        ProcedureAspect.Steps => StepList(procedure),
        // Who needs it is written for every procedure: the best the file says where who qualifies is not set apart.
        ProcedureAspect.WhoQualifies => ProcedureTexts.WhoQualifies + (procedure.WhoQualifies ?? procedure.WhoNeedsIt),
        ProcedureAspect.Proxy => ProcedureTexts.Proxy + (procedure.Proxy ?? ProcedureTexts.NotWritten),
        ProcedureAspect.Deadline => ProcedureTexts.Deadline + (procedure.Deadline ?? ProcedureTexts.NotWritten),
        ProcedureAspect.Penalty => ProcedureTexts.Penalty + (procedure.Penalty ?? ProcedureTexts.NotWritten),
        // The desk takes dossiers by post in general; whether this one may go that way is said only where the file says it.
        ProcedureAspect.Post => ProcedureTexts.Post + (procedure.Post
            ?? (procedure.Handler == ProcedureHandler.OneStopDesk ? ProcedureTexts.PostNotWritten : ProcedureTexts.NotWritten)),
        ProcedureAspect.Trip => TripWays(procedure),
        _ => procedure.Summary,
    };

    /// <summary>The ways this procedure spares a trip, or makes one enough: only those its file confirms.</summary>
    private static string TripWays(Procedure procedure)
    {
        var lines = new List<string> { ProcedureTexts.TripIntro };
        if (procedure.OnlineGuide is not null)
        {
            lines.Add(ProcedureTexts.TripOnline);
        }
        if (procedure.Post is { } post)
        {
            lines.Add(ProcedureTexts.TripPost + post);
        }
        if (procedure.Proxy is { } proxy)
        {
            lines.Add(ProcedureTexts.TripProxy + proxy);
        }
        if (procedure.Time.IsSameDay)
        {
            lines.Add(ProcedureTexts.TripBefore15);
        }
        if (procedure.Handler != ProcedureHandler.Unconfirmed)
        {
            lines.Add(ProcedureTexts.TripPreRegister);
        }
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Filing online step by step, a few lines per message: the app and what to photograph, the steps, what follows
    /// and the desk's help on the spot. Empty where the file has no guide.
    /// </summary>
    internal static IReadOnlyList<string> GuideMessages(Procedure procedure) => procedure.OnlineGuide is { } guide
        ?
        [
            $"{ProcedureTexts.GuideApp}{guide.App}\n{ProcedureTexts.GuidePhotograph}{Numbered(guide.Photograph)}",
            ProcedureTexts.GuideSteps + Numbered(guide.Steps),
            $"{ProcedureTexts.GuideAfter}{guide.After}\n{ProcedureTexts.GuideDesk}",
        ]
        : [];

    /// <summary>The fee for a number of pages the resident wrote ("10 trang"), where the fee is counted by pages.</summary>
    public static string? PageFeeOf(Procedure procedure, int? count) =>
        procedure.PageFee is { } fee && count is { } pages
            ? string.Format(CultureInfo.InvariantCulture, ProcedureTexts.PageFee, VietnameseNumber.Of(pages), VietnameseNumber.Of(fee.ForPages(pages)))
            : null;

    /// <summary>Says plainly that nothing fits, offers a person, and keeps the question for staff.</summary>
    public Task SendNotFoundAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        RecordAndOfferStaffAsync(turnContext, question, ProcedureTexts.NotFound, FallbackReason.NotUnderstood, cancellationToken);

    /// <summary>
    /// A question the files do not cover: says so honestly, never with a neighbour's facts, gives the office's phone
    /// and keeps the question for staff.
    /// </summary>
    public Task SendNotCoveredAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        RecordAndOfferStaffAsync(turnContext, question, ProcedureTexts.NotCovered, FallbackReason.NotCovered, cancellationToken);

    /// <summary>The resident stops asking: a polite close, nothing kept for staff.</summary>
    public Task SendStoppedAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(ProcedureTexts.Stopped, cancellationToken: cancellationToken);

    /// <summary>
    /// The resident said none of the procedures offered to confirm is meant: the question goes to staff, unless it
    /// was <paramref name="recorded"/> when the list was offered.
    /// </summary>
    public Task SendNotThisAsync(ITurnContext turnContext, string question, bool recorded, CancellationToken cancellationToken)
    {
        if (!recorded)
        {
            Record(turnContext, question);
        }
        return OfferStaffAsync(turnContext, ProcedureTexts.NotThisAnswer, FallbackReason.NotUnderstood, cancellationToken);
    }

    private async Task RecordAndOfferStaffAsync(ITurnContext turnContext, string question, string template, FallbackReason reason, CancellationToken cancellationToken)
    {
        Record(turnContext, question);
        await OfferStaffAsync(turnContext, template, reason, cancellationToken);
    }

    /// <summary>Keeps a question understanding missed for staff, though the conversation answered it as best it could.</summary>
    public void Keep(ITurnContext turnContext, string question) => Record(turnContext, question);

    private void Record(ITurnContext turnContext, string question) => unanswered.Record(question, turnContext.ChatAddress());

    private async Task OfferStaffAsync(ITurnContext turnContext, string template, FallbackReason reason, CancellationToken cancellationToken)
    {
        telemetry.FellBack(reason, turnContext);
        var text = string.Format(CultureInfo.InvariantCulture, template, communes.Current.Office.Phone);
        await turnContext.SendActivityAsync(
            Replies.WithChoices(text, [MainMenu.TalkToStaff, ProcedureTexts.OtherProcedureButton, MainMenu.CheckDossier]),
            cancellationToken);
    }

    internal IReadOnlyList<IActivity> Compose(Procedure procedure, ProcedureAspect aspect, int? pages = null)
    {
        // "10 trang thì bao nhiêu" asks the fee for that many pages, though "bao nhiêu" alone names no aspect.
        if (aspect == ProcedureAspect.None && PageFeeOf(procedure, pages) is not null)
        {
            aspect = ProcedureAspect.Fee;
        }
        if (aspect == ProcedureAspect.None)
        {
            return FirstAnswer(procedure);
        }
        var text = aspect switch
        {
            ProcedureAspect.Fee when PageFeeOf(procedure, pages) is { } counted => $"{counted}\n{FactOf(procedure, aspect)}",
            ProcedureAspect.Where => $"{FactOf(procedure, aspect)}\n{HoursOf(procedure)}",
            // How long it takes and how long the resident has ("trong bao nhiêu ngày") are easily taken for each other: a
            // time answer adds the deadline where there is one, and a deadline asked where there is none gives the time.
            ProcedureAspect.Time when procedure.Deadline is not null => $"{FactOf(procedure, aspect)}\n{FactOf(procedure, ProcedureAspect.Deadline)}",
            ProcedureAspect.Deadline when procedure.Deadline is null => $"{FactOf(procedure, aspect)}\n{FactOf(procedure, ProcedureAspect.Time)}",
            // "4 giờ chiều lên còn kịp không": for a same-day procedure, when to come matters as much as when it is open.
            ProcedureAspect.Hours => $"{HoursOf(procedure)}\n{ProcedureTexts.Where}{PlaceOf(procedure) ?? procedure.WhereAndWhen}"
                + (procedure.Time.IsSameDay ? $"\n{ProcedureTexts.SameDayCutOff}" : string.Empty),
            // Whatever the ways, a call first saves a trip for a missing paper.
            ProcedureAspect.Trip => $"{FactOf(procedure, aspect)}\n{string.Format(CultureInfo.InvariantCulture, ProcedureTexts.TripCall, communes.Current.Office.Phone)}",
            _ => FactOf(procedure, aspect),
        };
        // Where the file says nothing, a person can: "Gặp cán bộ" comes first.
        IReadOnlyList<string> buttons = FactOf(procedure, aspect).EndsWith(ProcedureTexts.NotWritten, StringComparison.Ordinal)
            ? [MainMenu.TalkToStaff, .. FollowUpButtons(procedure, aspect).Where(b => b != MainMenu.TalkToStaff)]
            : aspect == ProcedureAspect.Trip ? TripAnswerButtons(procedure) : FollowUpButtons(procedure, aspect);
        if (aspect == ProcedureAspect.Online && GuideMessages(procedure) is { Count: > 0 } guide)
        {
            // The steps follow what the file says of filing online; the buttons stay under the last message.
            return [MessageFactory.Text(Named(procedure, text)), .. guide.Take(guide.Count - 1).Select(line => MessageFactory.Text(line)), Replies.WithChoices(guide[^1], buttons)];
        }
        return [Replies.WithChoices(Named(procedure, text), buttons)];
    }

    /// <summary>What it is; what to bring; time, fee and where — then the buttons for what was not shown.</summary>
    private IReadOnlyList<IActivity> FirstAnswer(Procedure procedure)
    {
        var place = PlaceOf(procedure);
        var placeInFull = place is null;
        var essentials = string.Join('\n',
            ProcedureTexts.Time + procedure.Time.Text,
            ProcedureTexts.Fee + procedure.Fee.Text,
            ProcedureTexts.Where + (place ?? procedure.WhereAndWhen));
        return
        [
            MessageFactory.Text(Named(procedure, procedure.Summary)),
            MessageFactory.Text(DocumentList(procedure)),
            Replies.WithChoices(essentials, FirstAnswerButtons(procedure, placeInFull)),
        ];
    }

    /// <summary>Buttons after a first answer: only what it did not show.</summary>
    internal static IReadOnlyList<string> FirstAnswerButtons(Procedure procedure, bool placeShownInFull)
    {
        var buttons = new List<string>();
        if (!placeShownInFull)
        {
            buttons.Add(ProcedureTexts.WhereButton);
        }
        buttons.Add(ProcedureTexts.OnlineButton);
        if (procedure.WhoQualifies is not null)
        {
            buttons.Add(ProcedureTexts.WhoQualifiesButton);
        }
        AddClosingButtons(buttons, procedure);
        return buttons;
    }

    /// <summary>Buttons after a follow-up: the other aspects, never the one just answered.</summary>
    internal static IReadOnlyList<string> FollowUpButtons(Procedure procedure, ProcedureAspect answered)
    {
        var buttons = AspectButtons
            .Where(button => button.Value != answered && (button.Value != ProcedureAspect.WhoQualifies || procedure.WhoQualifies is not null))
            .Select(button => button.Key)
            .ToList();
        AddClosingButtons(buttons, procedure);
        return buttons;
    }

    /// <summary>Buttons after a trip answer: each way it named, then pre-registration and a person.</summary>
    private static IReadOnlyList<string> TripAnswerButtons(Procedure procedure)
    {
        var buttons = new List<string>();
        if (procedure.OnlineGuide is not null)
        {
            buttons.Add(ProcedureTexts.OnlineButton);
        }
        if (procedure.Proxy is not null)
        {
            buttons.Add(ProcedureTexts.ProxyButton);
        }
        if (procedure.Post is not null)
        {
            buttons.Add(ProcedureTexts.PostButton);
        }
        AddClosingButtons(buttons, procedure);
        return buttons;
    }

    private static void AddClosingButtons(List<string> buttons, Procedure procedure)
    {
        // Pre-registration only where who receives the dossier is confirmed (PreRegisterDialog refuses the others).
        if (procedure.Handler != ProcedureHandler.Unconfirmed)
        {
            buttons.Add(MainMenu.PreRegister);
        }
        buttons.Add(MainMenu.TalkToStaff);
        buttons.Add(ProcedureTexts.OtherProcedureButton);
    }

    /// <summary>The receiver's place from configuration; null where the receiver is not confirmed (the file says where to ask).</summary>
    private string? PlaceOf(Procedure procedure) => Receivers.Of(procedure.Handler, communes.Current.Office)?.Place;

    /// <summary>The hours of whoever receives the dossier: Công an xã's own, not the one-stop desk's.</summary>
    private string HoursOf(Procedure procedure) => procedure.Handler switch
    {
        ProcedureHandler.CommunePolice or ProcedureHandler.CommuneMilitary when Receivers.Of(procedure.Handler, communes.Current.Office) is { } receiver =>
            string.Format(CultureInfo.InvariantCulture, ProcedureTexts.HoursOf, receiver.Name, receiver.Hours),
        _ => ProcedureTexts.OfficeHours + communes.Current.Office.WorkingHours,
    };

    /// <summary>A follow-up answer names its procedure, so it is clear what it is about.</summary>
    internal static string Named(Procedure procedure, string answer) => $"{procedure.SimpleName}. {answer}";

    internal static string DocumentList(Procedure procedure)
    {
        var builder = new StringBuilder(ProcedureTexts.Documents);
        var number = 1;
        foreach (var document in procedure.Documents)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n{number++}. {DocumentWording.Line(document)}");
        }
        return builder.ToString();
    }

    private static string StepList(Procedure procedure) => ProcedureTexts.Steps + Numbered(procedure.Steps);

    private static string Numbered(IEnumerable<string> items) =>
        string.Concat(items.Select((item, i) => string.Create(CultureInfo.InvariantCulture, $"\n{i + 1}. {item}")));
}
