using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// Turns a resident's message into an intent, a procedure where one applies, and the aspect asked about.
/// Three classifiers trained on the catalog's examples decide: what the message is about, which aspect it asks (with the
/// procedure in context as a feature), and whether a message naming a procedure asks, wants to submit or asks its status; rules remain
/// only where they are exact (dossier codes). Immutable after construction: one instance serves concurrent turns.
/// </summary>
public sealed partial class MessageUnderstanding
{
    /// <summary>At least this probability names a procedure as the answer.</summary>
    public const double AnswerProbability = 0.5;

    /// <summary>From this probability up to <see cref="AnswerProbability"/> the best procedures are offered to confirm.</summary>
    public const double ConfirmProbability = 0.2;

    /// <summary>A further procedure is an alternative from this probability.</summary>
    public const double AlternativeProbability = 0.05;

    /// <summary>A request to submit names the procedure that comes this close, as "đặt lịch nộp hồ sơ kết hôn" does.</summary>
    public const double SubmitProcedureProbability = 0.15;

    private const int MaxAlternatives = 3;
    private const double RuleScore = 1.0;
    private const int MinSegmentSyllables = 2;
    private const int MaxWordLength = 20;
    private const int ShortNameSyllables = 4;
    private const int NamedQuestionsPerProcedure = 10;

    private const string ProcedureLabel = "p:";
    private const string AgencyLabel = "o:";
    private const string IntentLabel = "i:";
    private const string ChitChatLabel = IntentLabel + OtherFiles.ChitChatLabel;
    private const string ClosingLabel = IntentLabel + OtherFiles.ClosingLabel;

    // The feature naming the procedure in context, for the aspect classifier: "mấy tuổi phải đi" is a deadline after nghĩa vụ quân sự.
    private const string ContextFeature = "x:";
    private const int NamedAspectsPerProcedure = 20;
    private const double NamedProcedureShare = 0.6;

    // Words that join two requests in one message: "làm khai sinh và nhập hộ khẩu cho con", "kết hôn xong rồi chuyển khẩu".
    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal) { "va", "voi", "kem", "cung", "xong", "roi" };

    private readonly MessageClassifier classifier;
    private readonly MessageClassifier aspects;

    // Whether a message naming a procedure asks about it or wants to submit it: "nộp hồ sơ khai sinh ở đâu" asks.
    // Null when the examples hold no request to submit (a catalog of questions only): then every such message asks.
    private readonly MessageClassifier? forms;
    private readonly TypoCorrector corrector;

    // The folded syllable pairs of each procedure's names, each with the pairs as written without their tones; empty
    // when learning from examples alone (cross-validation).
    private readonly FrozenDictionary<string, FrozenDictionary<string, string[]>> nameBigrams = FrozenDictionary<string, FrozenDictionary<string, string[]>>.Empty;
    private readonly FrozenDictionary<string, FrozenDictionary<string, string[]>> officialBigrams = FrozenDictionary<string, FrozenDictionary<string, string[]>>.Empty;

    /// <summary>The trained model shipped beside the procedure files; start-up trains anew when the examples changed since.</summary>
    public const string ModelFile = "understanding.model";

    // Part of the fingerprint: a change to how features are read must retrain the model too.
    private const string FeaturesVersion = "features-15";

    /// <summary>
    /// Loads the shipped model when it was trained on exactly the catalog's examples, or trains on them (a few
    /// seconds) when staff changed an example since.
    /// </summary>
    public MessageUnderstanding(ProcedureCatalog catalog)
        : this(catalog, [], [])
    {
    }

    /// <summary>The catalog's examples and staff's approved ones (<paramref name="learned"/>, <paramref name="learnedAspects"/>): trained anew when there are any.</summary>
    public MessageUnderstanding(ProcedureCatalog catalog, IReadOnlyList<TrainingExample> learned, IReadOnlyList<AspectExample> learnedAspects)
        : this([.. TrainingExample.From(catalog), .. learned], [.. catalog.AspectExamples, .. learnedAspects], Path.Combine(catalog.Folder, ModelFile))
    {
        officialBigrams = catalog.All.ToFrozenDictionary(
            p => p.Id,
            p => NamePairs([p.OfficialName], corrector),
            StringComparer.Ordinal);
        nameBigrams = catalog.All.ToFrozenDictionary(
            p => p.Id,
            p => NamePairs(p.Phrases.Append(p.OfficialName).Append(p.SimpleName), corrector),
            StringComparer.Ordinal);
    }

    /// <summary>Learns from <paramref name="training"/> only, as cross-validation does with part of the catalog's examples.</summary>
    internal MessageUnderstanding(IReadOnlyList<TrainingExample> training, IReadOnlyList<AspectExample>? aspectExamples = null, string? modelPath = null)
    {
        aspectExamples ??= [];
        corrector = new TypoCorrector(training.Select(e => e.Text).Concat(aspectExamples.SelectMany(a => a.Examples))
            .SelectMany(text => VietnameseText.Syllables(text)));
        Fingerprint = FingerprintOf(training, aspectExamples);
        if ((modelPath is null ? null : LoadModel(modelPath, Fingerprint)) is [var loaded, var loadedAspects, ..] models)
        {
            (classifier, aspects, forms) = (loaded, loadedAspects, models.ElementAtOrDefault(2));
            return;
        }

        classifier = MessageClassifier.Train(training.Concat(NamedQuestions(training))
            .Select(e => (TextFeatures.Extract(Canonical(e.Text, corrector)), Label(e))).ToList());
        aspects = MessageClassifier.Train(AspectRows(training, aspectExamples).ToList());
        // Status questions are read here too: "hồ sơ khai sinh nộp tuần rồi chừ xong chưa" names khai sinh and asks its status.
        var formExamples = training.Where(e => e.Intent is Intent.Ask or Intent.Submit or Intent.Status).ToList();
        forms = formExamples.Any(e => e.Intent == Intent.Submit) && formExamples.Any(e => e.Intent == Intent.Ask)
            ? MessageClassifier.Train(formExamples.Select(e => (TextFeatures.Extract(Canonical(e.Text, corrector)), e.Intent.ToString())).ToList())
            : null;
    }

    /// <summary>
    /// What the aspect classifier learns from: each aspect's questions (those tied to a procedure with it in context,
    /// the others also beside one of the same procedures so the context alone decides nothing), the same questions after and
    /// before short procedure names (the name does not change the aspect), and the names alone (no aspect).
    /// </summary>
    private IEnumerable<(Dictionary<string, float> Features, string Label)> AspectRows(IReadOnlyList<TrainingExample> training, IReadOnlyList<AspectExample> aspectExamples)
    {
        var contexts = aspectExamples.Select(a => a.ProcedureId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var general = new List<(string Text, string Label)>();
        foreach (var group in aspectExamples)
        {
            var label = AspectNames.Name(group.Aspect);
            foreach (var text in group.Examples)
            {
                var syllables = Canonical(text, corrector);
                if (group.ProcedureId is { } procedure)
                {
                    yield return (AspectFeatures(syllables, procedure), label);
                    continue;
                }

                general.Add((text, label));
                yield return (AspectFeatures(syllables, null), label);
                // Once more beside one procedure in turn: enough for the context to decide nothing, at a tenth of the rows.
                if (contexts.Count > 0)
                {
                    yield return (AspectFeatures(syllables, contexts[general.Count % contexts.Count]), label);
                }
            }
        }

        // Each name once alone (no aspect) and once with a question of every aspect: the name's words then lean to no
        // label, and "đăng ký kết hôn cần gì" asks for the papers however much of it is the name.
        var noAspect = AspectNames.Name(ProcedureAspect.None);
        var byAspect = general.GroupBy(g => g.Label, g => g.Text).Select(g => (Label: g.Key, Questions: g.ToList())).ToList();
        var next = 0;
        // Names only: a short example such as "kết hôn cần gì" asks something, so it is no name.
        foreach (var procedure in training.Where(e => e is { Intent: Intent.Ask, ProcedureId: not null, Name: true }).GroupBy(e => e.ProcedureId))
        {
            foreach (var name in procedure.Where(e => VietnameseText.Syllables(e.Text).Count <= ShortNameSyllables).Take(NamedAspectsPerProcedure))
            {
                yield return (AspectFeatures(Canonical(name.Text, corrector), null), noAspect);
                next++;
                for (var i = 0; i < byAspect.Count; i++)
                {
                    var (label, questions) = byAspect[i];
                    var question = questions[next % questions.Count];
                    var text = (next + i) % 2 == 0 ? $"{name.Text} {question}" : $"{question} {name.Text}";
                    yield return (AspectFeatures(Canonical(text, corrector), null), label);
                }
            }
        }

        // What is told rather than asked ("đường vô thôn bị ngập rồi"), greetings and thanks ask about no part of a
        // procedure: without them, "ngập rồi" after khai sinh reads as lateness and "chào o" as where. A question nothing
        // fits ("mua phân bón ở đâu") still asks where, and a short message ("mạng yếu quá") after a procedure may ask about it.
        // A request to submit a named procedure ("đặt lịch nộp hồ sơ khai sinh thứ năm") asks nothing about it either.
        foreach (var told in training.Where(e => e is { Intent: Intent.Greeting, ChitChat: false } or { Intent: Intent.Submit, ProcedureId: not null }
            || (e.Told && VietnameseText.Syllables(e.Text).Count > ShortNameSyllables)))
        {
            yield return (AspectFeatures(Canonical(told.Text, corrector), null), noAspect);
        }
    }

    private static Dictionary<string, float> AspectFeatures(List<string> syllables, string? context)
    {
        var features = TextFeatures.Extract(syllables);
        TextFeatures.AddTail(features, syllables);
        if (context is not null)
        {
            features[ContextFeature + context] = 1;
        }

        return features;
    }

    /// <summary>
    /// Residents name a procedure loosely and ask about one part of it ("căn cước bao lâu thì có"): each procedure's
    /// short names joined to questions that name no procedure teach that the name decides, not the question words.
    /// Derived from <paramref name="training"/> alone, so cross-validation never sees a held-out example this way.
    /// </summary>
    private static IEnumerable<TrainingExample> NamedQuestions(IReadOnlyList<TrainingExample> training)
    {
        var questions = training.Where(e => e.Intent == Intent.Ask && e.ProcedureId is null).Select(e => e.Text).ToList();
        if (questions.Count == 0)
        {
            yield break;
        }

        var next = 0;
        foreach (var procedure in training.Where(e => e.Intent == Intent.Ask && e.ProcedureId is not null).GroupBy(e => e.ProcedureId))
        {
            foreach (var name in procedure.Where(e => VietnameseText.Syllables(e.Text).Count <= ShortNameSyllables).Take(NamedQuestionsPerProcedure))
            {
                yield return name with { Text = $"{name.Text} {questions[next++ % questions.Count]}" };
            }
        }
    }

    /// <summary>What the model was trained on: a hash of every example with its label, and of the feature version.</summary>
    internal string Fingerprint { get; }

    /// <summary>Trains on the catalog's examples, ignoring any shipped model, and writes the model to <paramref name="path"/>.</summary>
    public static void TrainAndSave(ProcedureCatalog catalog, string path)
    {
        var understanding = new MessageUnderstanding(TrainingExample.From(catalog), catalog.AspectExamples);
        using var file = File.Create(path);
        MessageClassifier.Save(file, understanding.Fingerprint, new[] { understanding.classifier, understanding.aspects, understanding.forms }.OfType<MessageClassifier>().ToList());
    }

    /// <summary>True when the model at <paramref name="path"/> was trained on exactly the catalog's examples.</summary>
    public static bool IsModelCurrent(ProcedureCatalog catalog, string path) =>
        LoadModel(path, FingerprintOf(TrainingExample.From(catalog), catalog.AspectExamples)) is not null;

    /// <param name="context">The procedure the conversation is about, if any: it helps read the aspect.</param>
    public Understanding Understand(string? text, string? context = null)
    {
        var original = Cut(text);
        if (IsDossierCode(original))
        {
            return Result(original, Intent.Status, RuleScore);
        }

        var syllables = Canonical(original, corrector);
        if (syllables.Count == 0)
        {
            // Emoji and punctuation alone ("😂", ":))", "???") carry no question for staff.
            return NotFound(original, []) with { ChitChat = !string.IsNullOrWhiteSpace(original) };
        }

        var probabilities = classifier.Predict(TextFeatures.Extract(syllables), out var known);
        if (known == 0)
        {
            return NotFound(original, []);
        }

        var aspect = AspectOf(syllables, context);
        var ranked = Ranked(probabilities);
        var best = classifier.Labels[ranked[0]];
        var score = Math.Round(probabilities[ranked[0]], 2);
        var procedures = ranked.Where(i => classifier.Labels[i].StartsWith(ProcedureLabel, StringComparison.Ordinal)
                && probabilities[i] >= AlternativeProbability)
            .Select(i => classifier.Labels[i][ProcedureLabel.Length..])
            .Take(MaxAlternatives + 1)
            .ToList();

        if (best.StartsWith(ProcedureLabel, StringComparison.Ordinal))
        {
            if (score < ConfirmProbability)
            {
                return NotFound(original, procedures) with { Aspect = aspect };
            }

            var procedureId = procedures[0];
            var form = FormOf(original, syllables);
            if (form == Intent.Status)
            {
                return Result(original, Intent.Status, score) with { ProcedureId = procedureId };
            }

            return new Understanding(original, form, procedureId, score, procedures.Skip(1).Take(MaxAlternatives).ToList(), aspect)
            {
                Band = score >= AnswerProbability ? ConfidenceBand.Answer : ConfidenceBand.Confirm,
                AlsoProcedureIds = FurtherProcedures(syllables, procedureId),
            };
        }

        if (score < ConfirmProbability)
        {
            return NotFound(original, procedures) with { Aspect = aspect };
        }

        if (best.StartsWith(AgencyLabel, StringComparison.Ordinal))
        {
            return new Understanding(original, Intent.None, null, score, [], ProcedureAspect.None) { OtherAgencyId = best[AgencyLabel.Length..] };
        }

        if (best == ChitChatLabel)
        {
            return NotFound(original, [], score) with { ChitChat = true };
        }

        if (best == ClosingLabel)
        {
            return Result(original, Intent.Greeting, score) with { Closing = true };
        }

        var intent = Enum.Parse<Intent>(best[IntentLabel.Length..]);
        // How likely the closest procedure is, for the intents that may still name one.
        var closest = procedures.Count > 0 ? Probability(probabilities, ProcedureLabel + procedures[0]) : 0;
        return intent switch
        {
            // Unsure it is out of scope while a procedure comes close ("muốn hỏi về người già"): asking beats a list.
            Intent.None when ConfidenceRules.ConfirmsClosest(score, closest) =>
                new Understanding(original, Intent.Ask, procedures[0], Math.Round(closest, 2),
                    procedures.Skip(1).Take(MaxAlternatives).ToList(), aspect) { Band = ConfidenceBand.Confirm },
            // Not understood, but what it asks is: with a procedure in context, the conversation answers that. A message
            // surely out of scope ("đóng tiền điện ở đâu") asks about no procedure's aspect.
            Intent.None => NotFound(original, procedures, score) with { Aspect = score >= AnswerProbability ? ProcedureAspect.None : aspect },
            Intent.Ask => new Understanding(original, Intent.Ask, null, score, [], aspect),
            Intent.Office => new Understanding(original, Intent.Office, null, score, [], aspect is ProcedureAspect.Hours or ProcedureAspect.Where ? aspect : ProcedureAspect.None),
            Intent.Submit when closest >= SubmitProcedureProbability =>
                new Understanding(original, Intent.Submit, procedures[0], score, procedures.Skip(1).Take(MaxAlternatives).ToList(), ProcedureAspect.None),
            // "hồ sơ khai sinh nộp tuần rồi xong chưa" asks the status of a dossier of that procedure.
            Intent.Status when NamedProcedure(probabilities) is { } named => Result(original, Intent.Status, score) with { ProcedureId = named },
            _ => Result(original, intent, score),
        };
    }

    /// <summary>How many syllables a message has once its abbreviations and typos are read: "gks" has three.</summary>
    public int SyllableCount(string? text) =>
        Canonical(text is { Length: > VietnameseText.MaxLength } ? text[..VietnameseText.MaxLength] : text ?? string.Empty, corrector).Count;

    /// <summary>The aspect a message asks about, whatever it is about: a follow-up reads it against the topic in context.</summary>
    public ProcedureAspect AspectOf(string? text, string? context = null)
    {
        var original = Cut(text);
        return AspectOf(Canonical(original, corrector), context);
    }

    /// <summary>
    /// The likeliest aspect other than none: a message not understood while a procedure is in context is answered
    /// about that procedure, on what it most likely asks.
    /// </summary>
    public ProcedureAspect LikeliestAspectOf(string? text, string? context)
    {
        var original = Cut(text);
        var probabilities = aspects.Predict(AspectFeatures(Canonical(original, corrector), context), out _);
        return Ranked(probabilities).Select(i => AspectNames.Parse(aspects.Labels[i]) ?? ProcedureAspect.None)
            .First(aspect => aspect != ProcedureAspect.None);
    }

    /// <summary>The likeliest aspect of the canonical syllables, read with the procedure in context where there is one.</summary>
    private ProcedureAspect AspectOf(List<string> syllables, string? context)
    {
        if (syllables.Count == 0)
        {
            return ProcedureAspect.None;
        }

        var probabilities = aspects.Predict(AspectFeatures(syllables, context), out var known);
        return known == 0 ? ProcedureAspect.None : AspectNames.Parse(aspects.Labels[Ranked(probabilities)[0]]) ?? ProcedureAspect.None;
    }

    /// <summary>
    /// True when the message uses a pair of syllables from <paramref name="otherId"/>'s names that
    /// <paramref name="currentId"/>'s names lack: "còn làm căn cước" after khai sinh names another procedure, while
    /// "ai được xác nhận" after xác nhận khuyết tật does not, though "xác nhận" also names the giấy xác nhận độc thân.
    /// </summary>
    public bool NamesApart(string? text, string otherId, string currentId)
    {
        if (!nameBigrams.TryGetValue(otherId, out var other) || !nameBigrams.TryGetValue(currentId, out var current))
        {
            return true;
        }

        var original = Cut(text);
        return Pairs(Canonical(original, corrector)).Any(pair => Heard(pair, other) && !current.ContainsKey(pair.Folded));
    }

    /// <summary>True when the message uses a pair of syllables of <paramref name="procedureId"/>'s official name ("khai tử"), rather than telling what happened.</summary>
    public bool Names(string? text, string procedureId)
    {
        var original = Cut(text);
        return officialBigrams.TryGetValue(procedureId, out var names) && Pairs(Canonical(original, corrector)).Any(pair => Heard(pair, names));
    }

    // Cut before anything else: no message needs more, and it bounds the work.
    private static string Cut(string? text) => text is { Length: > VietnameseText.MaxLength } ? text[..VietnameseText.MaxLength] : text ?? string.Empty;

    private static IEnumerable<(string Folded, string First, string Second)> Pairs(List<string> syllables)
    {
        for (var i = 0; i + 1 < syllables.Count; i++)
        {
            yield return ($"{VietnameseText.Fold(syllables[i])} {VietnameseText.Fold(syllables[i + 1])}", syllables[i], syllables[i + 1]);
        }
    }

    private static FrozenDictionary<string, string[]> NamePairs(IEnumerable<string> names, TypoCorrector corrector) =>
        names.SelectMany(name => Pairs(Canonical(name, corrector)))
            .GroupBy(pair => pair.Folded, StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.Select(pair => $"{VietnameseText.WithoutTone(pair.First)} {VietnameseText.WithoutTone(pair.Second)}").Distinct(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);

    /// <summary>
    /// Whether a pair of the message's syllables is one of the names' pairs: folded alike, and a syllable typed with
    /// marks has the name's letters ("thế bảo" is not "thẻ bảo", "đi chực" not "di chúc"), whatever its tone.
    /// </summary>
    private static bool Heard((string Folded, string First, string Second) pair, FrozenDictionary<string, string[]> names) =>
        names.TryGetValue(pair.Folded, out var written)
        && written.Any(name => name.Split(' ') is [var first, var second] && Fits(pair.First, first) && Fits(pair.Second, second));

    private static bool Fits(string typed, string name) =>
        !VietnameseText.HasDiacritics(typed) || VietnameseText.WithoutTone(typed) == name;

    private static IReadOnlyList<MessageClassifier>? LoadModel(string path, string fingerprint)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var file = File.OpenRead(path);
            return MessageClassifier.Load(file, fingerprint);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            // A damaged model is no model: train anew.
            return null;
        }
    }

    private static string FingerprintOf(IReadOnlyList<TrainingExample> training, IReadOnlyList<AspectExample> aspectExamples)
    {
        var text = new StringBuilder(FeaturesVersion);
        foreach (var example in training)
        {
            text.Append('\n').Append(Label(example)).Append(example.Told ? "/told" : string.Empty).Append('\t').Append(example.Text);
        }

        foreach (var group in aspectExamples)
        {
            foreach (var example in group.Examples)
            {
                text.Append("\na:").Append(AspectNames.Name(group.Aspect)).Append('/').Append(group.ProcedureId).Append('\t').Append(example);
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The message's syllables as the classifier reads them: normalised, teencode and dialect replaced, typos corrected.
    /// A "word" far longer than any syllable (a key held down, a link) says nothing and is left out, unless it is a
    /// sentence typed without spaces. Telex and VNI keys, and digits typed for the letters they look like ("c4n cu0c"),
    /// are read even when the examples hold the same typing: no Vietnamese syllable carries them, and read they meet
    /// the word meant.
    /// </summary>
    private static List<string> Canonical(string text, TypoCorrector corrector) =>
        VietnameseText.Syllables(text)
            .Select(s => SoundAlike.FromKeyboard(s) is { } typed && corrector.Knows(typed) ? typed
                : SoundAlike.FromLookAlikeDigits(s) is { } digits && corrector.Knows(digits) ? digits : s)
            .SelectMany(s => corrector.Split(s) ?? (s.Length <= MaxWordLength ? [corrector.Correct(s)] : []))
            .ToList();

    private static string Label(TrainingExample example) => example switch
    {
        { OtherAgencyId: { } agency } => AgencyLabel + agency,
        { ProcedureId: { } procedure } => ProcedureLabel + procedure,
        { ChitChat: true } => ChitChatLabel,
        { Closing: true } => ClosingLabel,
        _ => IntentLabel + example.Intent,
    };

    /// <summary>The procedure that takes most of what the procedures share of the probability, if one clearly does.</summary>
    private string? NamedProcedure(float[] probabilities)
    {
        var shares = classifier.Labels.Select((label, i) => (label, p: probabilities[i])).Where(l => l.label.StartsWith(ProcedureLabel, StringComparison.Ordinal)).ToList();
        var total = shares.Sum(s => s.p);
        var best = shares.MaxBy(s => s.p);
        return total > 0 && best.p / total >= NamedProcedureShare ? best.label[ProcedureLabel.Length..] : null;
    }

    private float Probability(float[] probabilities, string label) =>
        probabilities[classifier.IndexOf(label)];

    private static int[] Ranked(float[] probabilities)
    {
        var order = Enumerable.Range(0, probabilities.Length).ToArray();
        Array.Sort(order, (a, b) => probabilities[b].CompareTo(probabilities[a]));
        return order;
    }

    // "nộp hồ sơ khai sinh ở đâu" asks where; "tôi muốn nộp hồ sơ khai sinh" wants to submit; "hồ sơ khai sinh của tui
    // xong chưa" asks its status. Learned from the ask, submit and status examples; a question mark never submits.
    private Intent FormOf(string original, List<string> syllables)
    {
        if (forms is null)
        {
            return Intent.Ask;
        }

        var probabilities = forms.Predict(TextFeatures.Extract(syllables), out _);
        var best = forms.Labels[Ranked(probabilities)[0]];
        return probabilities[forms.IndexOf(best)] < AnswerProbability || (best == nameof(Intent.Submit) && original.Contains('?', StringComparison.Ordinal))
            ? Intent.Ask
            : Enum.Parse<Intent>(best);
    }

    // Each part of a message joined by "và", "với" is read alone; a part that clearly names another procedure adds it.
    private IReadOnlyList<string> FurtherProcedures(List<string> syllables, string procedureId)
    {
        var further = new List<string>();
        var start = 0;
        for (var i = 0; i <= syllables.Count; i++)
        {
            if (i < syllables.Count && !Joiners.Contains(VietnameseText.Fold(syllables[i])))
            {
                continue;
            }

            if (start > 0 || i < syllables.Count)
            {
                var part = syllables.GetRange(start, i - start);
                if (part.Count >= MinSegmentSyllables && BestProcedure(part) is { } other && other != procedureId && !further.Contains(other))
                {
                    further.Add(other);
                }
            }

            start = i + 1;
        }

        return further;
    }

    private string? BestProcedure(List<string> syllables)
    {
        var probabilities = classifier.Predict(TextFeatures.Extract(syllables), out _);
        var best = Ranked(probabilities)[0];
        var label = classifier.Labels[best];
        return label.StartsWith(ProcedureLabel, StringComparison.Ordinal) && probabilities[best] >= AnswerProbability
            ? label[ProcedureLabel.Length..]
            : null;
    }

    private static Understanding NotFound(string text, IReadOnlyList<string> suggestions, double score = 0) =>
        new(text, Intent.None, null, score, suggestions.Take(MaxAlternatives).ToList(), ProcedureAspect.None) { Band = ConfidenceBand.NotFound };

    private static Understanding Result(string text, Intent intent, double score) =>
        new(text, intent, null, score, [], ProcedureAspect.None);

    // The one rule for dossier codes; a single parser in Office is to replace it.
    private static bool IsDossierCode(string text) => DossierCode().IsMatch(VietnameseText.Normalize(text));

    // Dossier codes as residents type them: "000.32.30.H49-231120-0012", "231120-0012", "PD-2611-0007".
    [GeneratedRegex(@"(\d{6}-\d{4}|\b[a-z]{2,3}-\d{4}-\d{4})\b", RegexOptions.NonBacktracking)]
    private static partial Regex DossierCode();
}
