using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// Turns a resident's message into an intent, a procedure where one applies, and the aspect asked about.
/// A classifier trained at construction on the catalog's examples decides; rules remain only where they are exact
/// (dossier codes) or read the form of the sentence (submit or question, the aspect). Immutable after construction:
/// one instance serves concurrent turns.
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

    // Words that join two requests in one message: "làm khai sinh và nhập hộ khẩu cho con", "kết hôn xong rồi chuyển khẩu".
    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal) { "va", "voi", "kem", "cung", "xong", "roi" };

    private readonly MessageClassifier classifier;
    private readonly TypoCorrector corrector;

    // The folded syllable pairs of each procedure's names; empty when learning from examples alone (cross-validation).
    private readonly FrozenDictionary<string, FrozenSet<string>> nameBigrams = FrozenDictionary<string, FrozenSet<string>>.Empty;

    /// <summary>The trained model shipped beside the procedure files; start-up trains anew when the examples changed since.</summary>
    public const string ModelFile = "understanding.model";

    // Part of the fingerprint: a change to how features are read must retrain the model too.
    private const string FeaturesVersion = "features-2";

    /// <summary>
    /// Loads the shipped model when it was trained on exactly the catalog's examples, or trains on them (a few
    /// seconds) when staff changed an example since.
    /// </summary>
    public MessageUnderstanding(ProcedureCatalog catalog)
        : this(TrainingExample.From(catalog), Path.Combine(catalog.Folder, ModelFile))
    {
        nameBigrams = catalog.All.ToFrozenDictionary(
            p => p.Id,
            p => p.Phrases.Append(p.OfficialName).Append(p.SimpleName).SelectMany(name => Bigrams(Canonical(name, corrector))).ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>Learns from <paramref name="training"/> only, as cross-validation does with part of the catalog's examples.</summary>
    internal MessageUnderstanding(IReadOnlyList<TrainingExample> training, string? modelPath = null)
    {
        corrector = new TypoCorrector(training.SelectMany(e => VietnameseText.Syllables(e.Text)).Concat(Keywords.Vocabulary));
        Fingerprint = FingerprintOf(training);
        classifier = (modelPath is null ? null : LoadModel(modelPath, Fingerprint))
            ?? MessageClassifier.Train(training.Concat(NamedQuestions(training))
                .Select(e => (TextFeatures.Extract(Canonical(e.Text, corrector)), Label(e))).ToList());
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
        var understanding = new MessageUnderstanding(TrainingExample.From(catalog));
        using var file = File.Create(path);
        understanding.classifier.Save(file, understanding.Fingerprint);
    }

    /// <summary>True when the model at <paramref name="path"/> was trained on exactly the catalog's examples.</summary>
    public static bool IsModelCurrent(ProcedureCatalog catalog, string path) =>
        LoadModel(path, FingerprintOf(TrainingExample.From(catalog))) is not null;

    public Understanding Understand(string? text)
    {
        // Cut before anything else: no message needs more, and it bounds the work.
        var original = text is { Length: > VietnameseText.MaxLength } ? text[..VietnameseText.MaxLength] : text ?? string.Empty;
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

        var folded = $" {string.Join(' ', syllables.Select(VietnameseText.Fold))} ";
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
                return NotFound(original, procedures);
            }

            var procedureId = procedures[0];
            var aspect = Aspect(folded);
            return new Understanding(original, SubmitOrAsk(original, folded), procedureId, score, procedures.Skip(1).Take(MaxAlternatives).ToList(), aspect)
            {
                Band = score >= AnswerProbability ? ConfidenceBand.Answer : ConfidenceBand.Confirm,
                AlsoProcedureIds = FurtherProcedures(syllables, procedureId),
            };
        }

        if (score < ConfirmProbability)
        {
            return NotFound(original, procedures);
        }

        if (best.StartsWith(AgencyLabel, StringComparison.Ordinal))
        {
            return new Understanding(original, Intent.None, null, score, [], ProcedureAspect.None) { OtherAgencyId = best[AgencyLabel.Length..] };
        }

        if (best == ChitChatLabel)
        {
            return NotFound(original, [], score) with { ChitChat = true };
        }

        var intent = Enum.Parse<Intent>(best[IntentLabel.Length..]);
        return intent switch
        {
            Intent.None => NotFound(original, procedures, score),
            Intent.Ask => new Understanding(original, Intent.Ask, null, score, [], Aspect(folded)),
            Intent.Submit when procedures.Count > 0 && Probability(probabilities, ProcedureLabel + procedures[0]) >= SubmitProcedureProbability =>
                new Understanding(original, Intent.Submit, procedures[0], score, procedures.Skip(1).Take(MaxAlternatives).ToList(), ProcedureAspect.None),
            _ => Result(original, intent, score),
        };
    }

    /// <summary>How many syllables a message has once its abbreviations and typos are read: "gks" has three.</summary>
    public int SyllableCount(string? text) =>
        Canonical(text is { Length: > VietnameseText.MaxLength } ? text[..VietnameseText.MaxLength] : text ?? string.Empty, corrector).Count;

    /// <summary>The aspect a message asks about, whatever it is about: a follow-up reads it against the topic in context.</summary>
    public ProcedureAspect AspectOf(string? text)
    {
        var original = text is { Length: > VietnameseText.MaxLength } ? text[..VietnameseText.MaxLength] : text ?? string.Empty;
        return Aspect($" {string.Join(' ', Canonical(original, corrector).Select(VietnameseText.Fold))} ");
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

        var original = text is { Length: > VietnameseText.MaxLength } ? text[..VietnameseText.MaxLength] : text ?? string.Empty;
        return Bigrams(Canonical(original, corrector)).Any(pair => other.Contains(pair) && !current.Contains(pair));
    }

    private static IEnumerable<string> Bigrams(List<string> syllables)
    {
        for (var i = 0; i + 1 < syllables.Count; i++)
        {
            yield return $"{VietnameseText.Fold(syllables[i])} {VietnameseText.Fold(syllables[i + 1])}";
        }
    }

    private static MessageClassifier? LoadModel(string path, string fingerprint)
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

    private static string FingerprintOf(IReadOnlyList<TrainingExample> training)
    {
        var text = new StringBuilder(FeaturesVersion);
        foreach (var example in training)
        {
            text.Append('\n').Append(Label(example)).Append('\t').Append(example.Text);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The message's syllables as the classifier reads them: normalised, teencode and dialect replaced, typos corrected.
    /// A "word" far longer than any syllable (a key held down, a link) says nothing and is left out.
    /// </summary>
    private static List<string> Canonical(string text, TypoCorrector corrector) =>
        VietnameseText.Syllables(text).Where(s => s.Length <= MaxWordLength)
            .SelectMany(s => corrector.Split(s) ?? [corrector.Correct(s)])
            .ToList();

    private static string Label(TrainingExample example) => example switch
    {
        { OtherAgencyId: { } agency } => AgencyLabel + agency,
        { ProcedureId: { } procedure } => ProcedureLabel + procedure,
        { ChitChat: true } => ChitChatLabel,
        _ => IntentLabel + example.Intent,
    };

    private float Probability(float[] probabilities, string label) =>
        probabilities[classifier.IndexOf(label)];

    private static int[] Ranked(float[] probabilities)
    {
        var order = Enumerable.Range(0, probabilities.Length).ToArray();
        Array.Sort(order, (a, b) => probabilities[b].CompareTo(probabilities[a]));
        return order;
    }

    // "nộp hồ sơ khai sinh ở đâu" asks where; "tôi muốn nộp hồ sơ khai sinh" wants to submit.
    private static Intent SubmitOrAsk(string original, string folded) =>
        Keywords.Submit.Matches(folded) && !Keywords.Question.Matches(folded) && !original.Contains('?') ? Intent.Submit : Intent.Ask;

    private static ProcedureAspect Aspect(string folded) =>
        Keywords.Aspects.FirstOrDefault(a => a.Rule.Matches(folded)).Aspect;

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
