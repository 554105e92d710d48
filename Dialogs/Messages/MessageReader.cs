using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Telemetry;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Search;
using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Messages;

/// <summary>
/// The one place a resident's message is read: the buttons and exact forms (a dossier code, a menu label), then the
/// understanding, then what the conversation holds — the procedure in context, the last aspect, a proposal waiting
/// for its answer. Pure: it keeps nothing and sends nothing; the dialogs act on the reading.
/// </summary>
public sealed class MessageReader(LiveUnderstanding live, ProcedureCatalog catalog, ProcedureIndex index, CommuneContext communes, DialogTelemetry telemetry, WorkingCalendar calendar)
{
    // Read at each use: a retrained model may replace the running one between two messages.
    private MessageUnderstanding understanding => live.Current;

    // As many as the confirm band offers: a short list, not a catalogue.
    private const int MaxCandidates = 3;
    private const int VagueQuestionSyllables = 2;
    private const int ShortRefusalSyllables = 3;
    private const int ShortGreetingSyllables = 3;

    // A part of the message that asks alone has two syllables at least ("ở đâu", "mấy bữa"); "sao?" alone asks nothing.
    private const int MinPartSyllables = 2;
    private static readonly char[] SentenceEnds = ['.', '?', '!', ';', '\n'];

    // "thì sao", "thì răng": the words a resident adds to a name to ask the same again.
    private const int FollowUpWords = 2;
    private const string DeathId = "khai-tu";

    // The folded syllables of each procedure's names, to tell a bare name from a question about it.
    private readonly FrozenDictionary<string, FrozenSet<string>> nameSyllables = catalog.All.ToFrozenDictionary(
        p => p.Id,
        p => p.Phrases.Append(p.OfficialName).Append(p.SimpleName).SelectMany(name => VietnameseText.Syllables(UserText.Fold(name))).ToFrozenSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    private static readonly Dictionary<string, Intent> MenuIntents = new(StringComparer.Ordinal)
    {
        [UserText.Fold(MainMenu.AskProcedure)] = Intent.Ask,
        [UserText.Fold(MainMenu.CheckDossier)] = Intent.Status,
        [UserText.Fold(MainMenu.PreRegister)] = Intent.Submit,
        [UserText.Fold(MainMenu.Subscribe)] = Intent.Subscribe,
        [UserText.Fold(MainMenu.TalkToStaff)] = Intent.Human,
    };

    private static readonly Dictionary<string, ProcedureAspect> AnswerButtons =
        ProcedureAnswers.AspectButtons.Concat(ProcedureAnswers.TripButtons)
            .ToDictionary(button => UserText.Fold(button.Key), button => button.Value, StringComparer.Ordinal);

    private static readonly string OtherProcedure = UserText.Fold(ProcedureTexts.OtherProcedureButton);

    private static readonly string[] PoliteLeads = ["cho em ", "cho toi ", "cho minh ", "em muon ", "toi muon ", "minh muon ", "tui muon ", "em can ", "toi can "];

    // Thanks as residents type it, read at once: a thank-you gets a short reply, not the whole menu.
    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal)
    {
        "cam on", "cam o", "camon", "cmon", "thank", "thanks", "tks", "thank you", "da cam on", "cam on nhieu", "cam on em",
        "cam on ban", "cam on nhe", "cam on nha", "cam on a", "cam on chi", "cam on can bo",
    };

    // Every word of a wish to give feedback ("tôi muốn góp ý cho xã"); a message with any other word is the remark itself.
    private static readonly HashSet<string> FeedbackRequestWords = new(StringComparer.Ordinal)
    {
        "toi", "tui", "em", "minh", "muon", "cho", "xin", "gop", "y", "kien", "dong", "danh", "gia", "nhan", "xet", "ve",
        "can", "bo", "xa", "phan", "mot", "cua", "cham", "diem", "su", "phuc", "vu", "chat", "luong", "a", "voi",
    };

    /// <summary>Reads <paramref name="text"/> in <paramref name="context"/>.</summary>
    public MessageReading Read(string? text, ReadingContext context)
    {
        // Cut as understanding cuts it: no question needs more, it bounds the work, and staff keep no more of it.
        var message = text is { Length: > VietnameseText.MaxLength } ? text[..VietnameseText.MaxLength] : text ?? string.Empty;
        var topic = context.Topic is { } id && catalog.Find(id) is not null ? id : null;
        var proposed = (context.Proposed ?? []).Where(p => catalog.Find(p) is not null).ToList();
        var folded = UserText.Fold(message);

        if (folded == OtherProcedure)
        {
            return new MessageReading(message, Intent.Ask, null, ProcedureAspect.None, ConfidenceBand.Answer) { OtherProcedure = true };
        }
        if (AnswerButtons.TryGetValue(folded, out var pressed))
        {
            return new MessageReading(message, Intent.Ask, proposed.FirstOrDefault() ?? topic, pressed, ConfidenceBand.Answer);
        }
        // A code is exact: the status lookup starts with it, before any reading of the sentence.
        if (HoldsDossierCode(message))
        {
            return new MessageReading(message, Intent.Status, null, ProcedureAspect.None, ConfidenceBand.Answer) { HasDossierCode = true };
        }
        if (Thanks.Contains(folded.Trim(' ', '.', '!', ',')))
        {
            return new MessageReading(message, Intent.Greeting, null, ProcedureAspect.None, ConfidenceBand.Answer) { Closing = true };
        }
        // A menu label starts its feature afresh, whatever the conversation was about.
        if (MenuIntents.TryGetValue(MenuRequest(message), out var menu))
        {
            return new MessageReading(message, menu, null, ProcedureAspect.None, ConfidenceBand.Answer);
        }

        var reading = proposed.Count > 0 ? ReadAnswerToProposal(message, proposed)
            : topic is not null ? ReadFollowUp(message, topic, context.LastAspect)
            : ReadQuestion(message, null);
        if ((topic is not null || context.UnderWay) && TakesLeave(reading))
        {
            // "chào em" once the bot has answered takes leave: a polite close, never the welcome again.
            reading = reading with { Closing = true };
        }
        // Kept for staff and shown as typed, though "con" opening a follow-up was read as "còn".
        var completed = Completed(reading, topic) with { Text = message };
        telemetry.Read(completed);
        return completed;
    }

    /// <summary>
    /// Thanks or a goodbye ("cảm ơn", "bye nha") typed where a question waits for a button: the resident is leaving.
    /// "thôi không hỏi nữa" stops what the question is for, which the question itself answers.
    /// </summary>
    public bool Closes(string? text) =>
        Thanks.Contains(UserText.Fold(text).Trim(' ', '.', '!', ','))
        || (understanding.Understand(text) is { Closing: true } && !Stops(text ?? string.Empty));

    /// <summary>
    /// A main-menu request ("tra cứu hồ sơ", "cho em nộp hồ sơ trước") typed while a dialog waits for something else:
    /// the resident wants that feature now.
    /// </summary>
    public bool IsMenuRequest(string? text) => MenuIntents.ContainsKey(MenuRequest(text));

    /// <summary>Whether the message holds a dossier code, typed loosely ("231120-0012").</summary>
    public bool HoldsDossierCode(string? text) => DossierCode.TryFind(text, communes.Current.Office.AgencyCode, out _);

    /// <summary>A message reduced to the menu label it may be: folded, without punctuation and a polite lead ("cho em", "em muốn").</summary>
    private static string MenuRequest(string? text)
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

    /// <summary>A message read on its own: what understanding found, with the rules for vague and one-word questions.</summary>
    private MessageReading ReadQuestion(string text, string? context)
    {
        var understood = understanding.Understand(text, context);
        var reading = From(understood);
        var doubtful = understood is { Intent: Intent.Status, ProcedureId: null }
            or { Intent: Intent.None or Intent.Greeting, Score: < MessageUnderstanding.AnswerProbability, OtherAgencyId: null };
        if (doubtful && understanding.AspectOf(text, context) == ProcedureAspect.Hours)
        {
            // "trưa có ai nhận hồ sơ không" asks when the office takes dossiers (no dossier's status has hours), and so does
            // "lễ có nghỉ không", read with little confidence as anything else.
            return reading with { Intent = Intent.Office, Aspect = ProcedureAspect.Hours, ChitChat = false, Closing = false, Candidates = [] };
        }
        if (understood.Intent != Intent.Ask || understood.ProcedureId is not { } best)
        {
            return reading;
        }
        // One or two words ("đất", "chứng thực") name a family of procedures: let the resident choose.
        if (understood.Alternatives.Count > 0 && VietnameseText.Syllables(understood.Text).Count <= VagueQuestionSyllables)
        {
            return reading with { ProcedureId = null, Candidates = [best, .. understood.Alternatives] };
        }
        // One everyday word that shares a single syllable with a procedure's name ("mai": ngày mai, or mai táng phí?)
        // does not yet ask about it: the resident is asked what is meant.
        if (understood.Band == ConfidenceBand.Answer && understanding.SyllableCount(understood.Text) == 1)
        {
            return reading with { ProcedureId = null, Band = ConfidenceBand.Confirm, Candidates = [best, .. understood.Alternatives] };
        }
        // "thủ tục đăng ký thường trú" names the procedure; a first answer about it gives everything, steps included.
        var aspect = AskedLast(text, context) ?? understood.Aspect;
        return reading with { Aspect = aspect == ProcedureAspect.Steps ? ProcedureAspect.None : aspect };
    }

    /// <summary>
    /// The aspect the message's last part asks, when the message tells something first and asks after it ("nhà cháy hết
    /// giấy tờ. Xin lại ở mô?", "chưa có giấy xác nhận thì xin ở đâu"): the words of the story ("giấy tờ") do not decide
    /// what is asked. Null when the message is one part, or its last part asks no aspect of its own.
    /// </summary>
    private ProcedureAspect? AskedLast(string text, string? context)
    {
        var sentences = text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(sentence => VietnameseText.Syllables(sentence).Count >= MinPartSyllables).ToList();
        var last = sentences.Count > 0 ? sentences[^1] : text;
        // "A thì B", "A, B": B asks when A is only the condition or what happened ("chưa có giấy thì xin ở đâu", "chưa có
        // giấy, xin ở mô"); in "bao lâu thì có giấy" A asks.
        var words = last.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var then = Array.FindLastIndex(words, word => word.ToLowerInvariant() is "thì" or "thi" || word.EndsWith(','));
        var condition = then < 0 ? [] : words[..(words[then].EndsWith(',') ? then + 1 : then)];
        if (condition.Length > 0 && words.Length - then - 1 >= MinPartSyllables
            && understanding.AspectOf(string.Join(' ', condition), context) == ProcedureAspect.None)
        {
            last = string.Join(' ', words[(then + 1)..]);
        }
        else if (sentences.Count < 2)
        {
            return null;
        }
        var aspect = understanding.AspectOf(last, context);
        return aspect == ProcedureAspect.None ? null : aspect;
    }

    private MessageReading From(Understanding understood)
    {
        var reading = new MessageReading(understood.Text, understood.Intent, understood.ProcedureId, understood.Aspect, understood.Band)
        {
            AlsoProcedureIds = understood.AlsoProcedureIds,
            Score = understood.Score,
            Closing = understood.Closing,
            ChitChat = understood.ChitChat,
            OtherAgency = understood.OtherAgencyId is { } agency ? catalog.FindOtherAgency(agency) : null,
        };
        return understood switch
        {
            // "Có phải anh/chị hỏi về …?" offers the best and the next ones.
            { Intent: Intent.Ask, Band: ConfidenceBand.Confirm, ProcedureId: { } likely } =>
                reading with { ProcedureId = null, Candidates = [likely, .. understood.Alternatives.Take(MaxCandidates - 1)] },
            { Intent: Intent.Ask, ProcedureId: null } or { Intent: Intent.None } => reading with { Candidates = understood.Alternatives },
            _ => reading,
        };
    }

    /// <summary>
    /// A message read against the procedure in context: one that asks about an aspect without clearly naming another
    /// procedure is about the procedure in context; "ừ đúng rồi" after an answer is yes to it.
    /// </summary>
    private MessageReading ReadFollowUp(string text, string topic, ProcedureAspect lastAspect)
    {
        // "con phí thì sao": typed without marks, "con" opening a follow-up is "còn", not a child.
        var words = text.TrimStart().Split(' ', 2);
        var goesOn = words.Length == 2 && UserText.Fold(words[0]) == "con";
        if (goesOn)
        {
            text = "còn " + words[1];
        }
        var reading = ReadQuestion(text, topic);
        var aspect = reading.Aspect == ProcedureAspect.None ? understanding.AspectOf(text, topic) : reading.Aspect;
        if (catalog.Find(topic)!.PageFee is not null && PageCount.Read(text) is not null)
        {
            // "10 trang thì bao nhiêu", "còn 500 trang thì sao" after chứng thực bản sao ask its fee for that many pages.
            aspect = ProcedureAspect.Fee;
        }
        var answer = ConfirmRecognizer.Recognize(text);
        if (reading.ProcedureId is null && answer is { Succeeded: true, Value: false } && Stops(text) && !AsksFeature(reading))
        {
            // "thôi không hỏi nữa": whatever aspect its words suggest, the resident stops here.
            return Refused(reading, Refusal.Stop);
        }
        if (aspect == ProcedureAspect.None && reading.ProcedureId is null && reading is not { Intent: Intent.Greeting, Closing: true } && answer is { Succeeded: true, Value: true })
        {
            // "ừ đúng rồi" after an answer: yes, that procedure; say it again rather than small talk.
            return Answer(reading, topic, ProcedureAspect.None);
        }
        // Words the procedure in context shares with another ("xác nhận") do not move the topic; its own name does.
        var namesAnother = reading.ProcedureId is { } other && other != topic && reading.Band == ConfidenceBand.Answer
            && understanding.NamesApart(text, other, topic);
        if (namesAnother && goesOn && lastAspect != ProcedureAspect.None && NamesOnly(words[1], reading.ProcedureId!))
        {
            // "còn kết hôn thì sao" after the fee of khai sinh asks the same of kết hôn.
            return reading with { Aspect = lastAspect };
        }
        // Small talk, a goodbye or a remark read with little confidence ("cầng dấy tờ dì", "tốn nhiu"), or a remark that
        // asks ("lỗi của xã mà tui phải trả tiền hả"), is a question not understood: answered about the procedure in
        // context on what it most likely asks, and kept for staff.
        var unsure = reading is { Score: < MessageUnderstanding.AnswerProbability, Intent: Intent.None or Intent.Greeting or Intent.Feedback or Intent.Status or Intent.Office }
            && (aspect != ProcedureAspect.None || reading.ChitChat);
        var asksAsRemark = reading.Intent == Intent.Feedback && aspect != ProcedureAspect.None && QuestionWords.Asks(text);
        if (!namesAnother && reading.OtherAgency is null && !reading.HasDossierCode && (unsure || asksAsRemark))
        {
            return Answer(reading, topic, aspect == ProcedureAspect.None ? understanding.LikeliestAspectOf(text, topic) : aspect) with { Unsure = true };
        }
        if (reading.ProcedureId == topic && aspect == ProcedureAspect.None && !NamesOnly(text, topic))
        {
            // "bà mất rồi, khai tử cho bà được không" once khai tử was answered: a question about it, told with what
            // happened, asks what it most likely asks; the whole first answer again would not answer it.
            return Answer(reading, topic, understanding.LikeliestAspectOf(text, topic));
        }
        if (TakesLeave(reading with { Aspect = aspect }))
        {
            return reading;
        }
        // "sáng thứ bảy có ai làm không" after a procedure asks when its receiver is open, not the office's general facts.
        var isQuestion = reading.Intent is Intent.Ask or Intent.None || (reading is { Intent: Intent.Greeting, Closing: false } && aspect != ProcedureAspect.None)
            || (reading.Intent == Intent.Office && aspect is ProcedureAspect.Hours);
        if (aspect != ProcedureAspect.None && isQuestion && !namesAnother && reading.OtherAgency is null)
        {
            return Answer(reading, topic, aspect);
        }
        return reading;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is the procedure's name and at most a couple of words more ("kết hôn thì sao"):
    /// it names the procedure and asks nothing of its own.
    /// </summary>
    private bool NamesOnly(string text, string procedureId) =>
        VietnameseText.Syllables(UserText.Fold(text)).Count(syllable => !nameSyllables[procedureId].Contains(syllable)) <= FollowUpWords;

    /// <summary>
    /// A typed answer to "Có phải anh/chị hỏi về …?": a procedure it names clearly; yes (the first proposed); no, or
    /// stop; a question about an aspect of the first proposed. Anything else is read anew, on its own.
    /// </summary>
    private MessageReading ReadAnswerToProposal(string text, IReadOnlyList<string> proposed)
    {
        var first = proposed[0];
        var reading = ReadQuestion(text, first);
        if (reading is { ProcedureId: not null, Band: ConfidenceBand.Answer, Intent: Intent.Ask } || AsksFeature(reading))
        {
            // Another procedure named clearly, or another feature ("thôi, cho tra cứu hồ sơ"): that, not the guess.
            return reading;
        }
        var aspect = understanding.AspectOf(text, first);
        switch (ConfirmRecognizer.Recognize(text))
        {
            case { Succeeded: true, Value: true }:
                return Answer(reading, first, aspect);
            // "ko phai", "thôi khỏi": a short refusal or a stop is no question, whatever aspect its words suggest;
            // "có mất tiền không" is one, though it ends with "không".
            case { Succeeded: true, Value: false } when aspect == ProcedureAspect.None || Stops(text) || understanding.SyllableCount(text) <= ShortRefusalSyllables:
                return Refused(reading, Stops(text) ? Refusal.Stop : Refusal.NotThis);
        }
        // A question about an aspect of the guess is one, though its words also pass for small talk.
        return aspect != ProcedureAspect.None && reading is { Closing: false, OtherAgency: null }
            ? Answer(reading, first, aspect)
            : ReadQuestion(text, null);
    }

    /// <summary>A short greeting that asks nothing ("chào em nghe"): after an answer, it takes leave.</summary>
    private bool TakesLeave(MessageReading reading) =>
        reading is { Intent: Intent.Greeting, Closing: false, Aspect: ProcedureAspect.None } && understanding.SyllableCount(reading.Text) <= ShortGreetingSyllables;

    private static bool AsksFeature(MessageReading reading) => RootRouter.FeatureOf(reading, null) is not null;

    private static MessageReading Answer(MessageReading reading, string procedureId, ProcedureAspect aspect) =>
        reading with
        {
            Intent = Intent.Ask, ProcedureId = procedureId, Aspect = aspect, Candidates = [], Band = ConfidenceBand.Answer,
            ChitChat = false, Closing = false, OtherAgency = null,
        };

    private static MessageReading Refused(MessageReading reading, Refusal refusal) =>
        reading with
        {
            Intent = Intent.None, ProcedureId = null, Aspect = ProcedureAspect.None, Candidates = [], Band = ConfidenceBand.NotFound,
            ChitChat = false, Closing = false, OtherAgency = null, Refusal = refusal,
        };

    /// <summary>
    /// What follows from the procedure read: search where understanding found nothing, the procedure in context where
    /// search found nothing either, condolences, the liên thông group, pages, a remark.
    /// </summary>
    private MessageReading Completed(MessageReading reading, string? topic)
    {
        if (reading.NotCovered)
        {
            // A question the files do not cover is never answered with a neighbour's facts.
            return reading with { Intent = Intent.None, ProcedureId = null, Candidates = [], Aspect = ProcedureAspect.None, Unsure = false };
        }
        if (reading is { Intent: Intent.Office })
        {
            return reading with { Day = DateRecognizer.Recognize(reading.Text, calendar.Today) is { Succeeded: true, Value: var day } ? day : null };
        }
        if (reading is { Intent: Intent.Feedback })
        {
            return reading with { Remark = !VietnameseText.Syllables(UserText.Fold(reading.Text)).All(FeedbackRequestWords.Contains) };
        }
        var unanswered = reading is { Refusal: Refusal.None }
            && (reading is { Intent: Intent.None, ChitChat: false, OtherAgency: null }
                || reading is { Intent: Intent.Ask, ProcedureId: null, Candidates.Count: 0, Aspect: ProcedureAspect.None });
        if (unanswered && index.Suggest(reading.Text, MaxCandidates) is { Count: > 0 } hits)
        {
            // Understanding found nothing, search finds the procedure by its words: a short list, "Không phải" last.
            return reading with
            {
                Intent = Intent.Ask, ProcedureId = null, Band = ConfidenceBand.Confirm, Searched = true,
                Candidates = [.. reading.Candidates.Intersect(hits), .. hits.Except(reading.Candidates)],
            };
        }
        if (unanswered && topic is not null)
        {
            // Nothing falls out of the conversation: answered about the procedure in context, on what the message most
            // likely asks, with buttons for the rest; still kept for staff, since it was not understood.
            reading = Answer(reading, topic, understanding.LikeliestAspectOf(reading.Text, topic)) with { Unsure = true };
        }
        var procedure = reading.ProcedureId is { } id ? catalog.Find(id) : null;
        return reading with
        {
            // "làm khai sinh và nhập hộ khẩu cho con": one dossier for the group, not one procedure of it.
            Linked = LinkedGroup.IsAskedIn(reading.Text) && (LinkedGroup.Contains(reading.ProcedureId) || reading.Candidates.Any(LinkedGroup.Contains)),
            // A death told in passing is a loss first, whatever it goes on to ask; a resident who names khai tử asks
            // about the paperwork.
            Condolence = reading is { Intent: Intent.Ask, ProcedureId: DeathId } && topic != DeathId
                && !understanding.Names(reading.Text, DeathId),
            Pages = procedure?.PageFee is not null ? PageCount.Read(reading.Text) : null,
        };
    }

    // "thôi khỏi", "thoi khong hoi nua": stopping, not refusing the guess. Without marks "thoi" is also "thời" in
    // "thời gian", "thời hạn", "thời điểm", "thời hiệu", which ask about time.
    private static bool Stops(string text)
    {
        var words = UserText.Fold(text).Split([' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries);
        return words.Select((word, i) => word == "khoi"
                || (word == "thoi" && (i + 1 == words.Length || words[i + 1] is not ("gian" or "han" or "diem" or "hieu"))))
            .Any(stop => stop);
    }
}
