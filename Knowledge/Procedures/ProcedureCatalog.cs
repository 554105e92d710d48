using System.Collections.Frozen;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OneStopBot.Knowledge.Procedures;

/// <summary>
/// Every procedure the office explains, one YAML file each. Adding a procedure means adding a file:
/// the catalog reads whatever <c>*.yaml</c> (or <c>*.yml</c>) files the directory holds and validates each of them.
/// </summary>
public sealed partial class ProcedureCatalog
{
    private const int MaxSummarySentences = 2;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly FrozenDictionary<string, Procedure> byId;

    private readonly FrozenDictionary<string, OtherAgency> agencyById;

    private ProcedureCatalog(string folder, IReadOnlyList<Procedure> procedures, OtherFiles other)
    {
        Folder = folder;
        All = procedures;
        byId = procedures.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        OtherAgencies = other.Agencies;
        MessageExamples = other.Messages;
        Glossary = other.Glossary;
        AspectExamples = other.Aspects;
        agencyById = other.Agencies.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
    }

    /// <summary>The folder the files were read from; the trained understanding model lives there too.</summary>
    public string Folder { get; }

    /// <summary>The procedures in file-name order.</summary>
    public IReadOnlyList<Procedure> All { get; }

    public int Count => All.Count;

    /// <summary>The procedure with this id, or null.</summary>
    public Procedure? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Procedures residents ask about that another agency handles (<c>Other/agencies.yaml</c>).</summary>
    public IReadOnlyList<OtherAgency> OtherAgencies { get; }

    /// <summary>The other agency's procedure with this id (as in <c>Understanding.OtherAgencyId</c>), or null.</summary>
    public OtherAgency? FindOtherAgency(string id) => agencyById.GetValueOrDefault(id);

    /// <summary>Example messages of the intents other than a question about a procedure (<c>Other/intents.yaml</c>).</summary>
    public IReadOnlyList<MessageExample> MessageExamples { get; }

    /// <summary>Questions about one aspect of a procedure (<c>Other/aspects.yaml</c>): what the aspect classifier learns from.</summary>
    public IReadOnlyList<AspectExample> AspectExamples { get; }

    /// <summary>Words explained in plain words the first time a conversation uses them (<c>Other/glossary.yaml</c>).</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get; }

    /// <summary>Reads and validates every procedure file in <paramref name="directory"/>.</summary>
    /// <exception cref="ProcedureCatalogException">A file or field is missing or wrong; the message says which and why.</exception>
    public static ProcedureCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ProcedureCatalogException(directory, "directory", "the folder of procedure files does not exist");
        }

        var files = Directory.GetFiles(directory, "*.yaml").Concat(Directory.GetFiles(directory, "*.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ProcedureCatalogException(directory, "directory", "no procedure files (*.yaml, *.yml) found");
        }

        var procedures = new List<Procedure>(files.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in files)
        {
            var procedure = Parse(Path.GetFileName(path), File.ReadAllText(path));
            if (!seen.Add(procedure.Id))
            {
                throw new ProcedureCatalogException(Path.GetFileName(path), "id", $"'{procedure.Id}' is used by another file");
            }

            procedures.Add(procedure);
        }

        return new ProcedureCatalog(Path.GetFullPath(directory), procedures, OtherFiles.Load(directory, procedures));
    }

    /// <summary>Parses and validates one file's text; <paramref name="fileName"/> must be <c>&lt;id&gt;.yaml</c> or <c>.yml</c>.</summary>
    internal static Procedure Parse(string fileName, string yaml)
    {
        return Validate(fileName, Deserialize<ProcedureFile>(fileName, yaml));
    }

    private static Procedure Validate(string file, ProcedureFile raw)
    {
        var id = Text(file, "id", raw.Id);
        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (id != expectedId)
        {
            throw new ProcedureCatalogException(file, "id", $"'{id}' must equal the file name '{expectedId}'");
        }

        if (!IdPattern().IsMatch(id))
        {
            throw new ProcedureCatalogException(file, "id", $"'{id}' may hold only lower-case letters, digits and '-'");
        }

        var summary = Text(file, "summary", raw.Summary);
        if (SentenceEnd().Count(summary) > MaxSummarySentences)
        {
            throw new ProcedureCatalogException(file, "summary", $"keep it to {MaxSummarySentences} sentences");
        }

        var time = raw.Time ?? throw Missing(file, "time");
        if (time.WorkingDays is < 0)
        {
            throw new ProcedureCatalogException(file, "time.workingDays", "must be 0 (same day) or more");
        }

        var fee = raw.Fee ?? throw Missing(file, "fee");
        var online = raw.Online ?? throw Missing(file, "online");
        // A procedure that can be filed online is explained step by step; one that cannot has no steps to follow.
        if (online.Available == true && raw.OnlineGuide is null)
        {
            throw new ProcedureCatalogException(file, "onlineGuide", "is required when online.available is true: the app, what to photograph, the steps and what follows");
        }
        if (online.Available != true && raw.OnlineGuide is not null)
        {
            throw new ProcedureCatalogException(file, "onlineGuide", "is only for a procedure whose online.available is true");
        }

        return new Procedure(
            id,
            Text(file, "officialName", raw.OfficialName),
            Text(file, "simpleName", raw.SimpleName),
            Text(file, "group", raw.Group),
            Text(file, "whoNeedsIt", raw.WhoNeedsIt),
            summary,
            Texts(file, "steps", raw.Steps),
            Documents(file, raw.Documents),
            new ProcessingTime(time.WorkingDays, Text(file, "time.text", time.Text)),
            new Fee(fee.Free, Text(file, "fee.text", fee.Text)),
            Text(file, "whereAndWhen", raw.WhereAndWhen),
            new OnlineSubmission(online.Available, Text(file, "online.text", online.Text)),
            Texts(file, "legalBasis", raw.LegalBasis),
            Texts(file, "phrases", raw.Phrases))
        {
            Handler = Handler(file, raw.Handler),
            // Optional for a new file; the shipped files' tests require enough of them.
            Examples = raw.Examples is null ? [] : Texts(file, "examples", raw.Examples),
            WhoQualifies = Optional(file, "whoQualifies", raw.WhoQualifies),
            Proxy = Optional(file, "proxy", raw.Proxy),
            Deadline = Optional(file, "deadline", raw.Deadline),
            Penalty = Optional(file, "penalty", raw.Penalty),
            Post = Optional(file, "post", raw.Post),
            OnlineGuide = raw.OnlineGuide is null ? null : OnlineGuide(file, raw.OnlineGuide),
            PageFee = raw.PageFee is null ? null : PageFee(file, raw.PageFee),
            DeadlineRule = raw.DeadlineRule is null ? null : DeadlineRule(file, raw.DeadlineRule, raw.Deadline),
        };
    }

    // An optional field may be left out, but not written empty: an empty answer would mislead.
    private static string? Optional(string file, string field, string? value) =>
        value is null ? null : Text(file, field, value);

    private static OnlineGuide OnlineGuide(string file, ProcedureFile.OnlineGuideEntry entry) =>
        new(
            Text(file, "onlineGuide.app", entry.App),
            Texts(file, "onlineGuide.photograph", entry.Photograph),
            Texts(file, "onlineGuide.steps", entry.Steps),
            Text(file, "onlineGuide.after", entry.After));

    private static PageFee PageFee(string file, ProcedureFile.PageFeeEntry entry)
    {
        static int Positive(string file, string field, int? value) =>
            value is > 0 ? value.Value : throw new ProcedureCatalogException(file, "pageFee." + field, "must be a whole number above 0");

        var fee = new PageFee(
            Positive(file, "firstPages", entry.FirstPages),
            Positive(file, "firstPagePrice", entry.FirstPagePrice),
            Positive(file, "laterPagePrice", entry.LaterPagePrice),
            Positive(file, "maxPerCopy", entry.MaxPerCopy));
        return fee.MaxPerCopy < fee.FirstPagePrice
            ? throw new ProcedureCatalogException(file, "pageFee.maxPerCopy", "must be at least the price of one page")
            : fee;
    }

    // The structured limit computes what the deadline text says, so a file may not have one without the other.
    private static DeadlineRule DeadlineRule(string file, ProcedureFile.DeadlineRuleEntry entry, string? wording)
    {
        const string field = "deadlineRule";
        if (string.IsNullOrWhiteSpace(wording))
        {
            throw new ProcedureCatalogException(file, "deadline", "must say the limit in words when deadlineRule is set");
        }
        var from = entry.From?.Trim() switch
        {
            "birth" => DeadlineEvent.Birth,
            "death" => DeadlineEvent.Death,
            "decisionKnown" => DeadlineEvent.DecisionKnown,
            "sonBirth" => DeadlineEvent.SonBirth,
            null or "" => throw Missing(file, field + ".from"),
            var other => throw new ProcedureCatalogException(file, field + ".from", $"'{other}' is not one of birth, death, decisionKnown, sonBirth"),
        };
        var after = entry.After?.Trim() switch
        {
            "lateFee" => AfterDeadline.LateFee,
            "registerAgain" => AfterDeadline.RegisterAgain,
            "nothing" => AfterDeadline.Nothing,
            null or "" => throw Missing(file, field + ".after"),
            var other => throw new ProcedureCatalogException(file, field + ".after", $"'{other}' is not one of lateFee, registerAgain, nothing"),
        };
        return (entry.Days, entry.InYearOfAge, entry.Month) switch
        {
            ({ } days, null, null) when days is >= 1 and <= MaxDeadlineDays => new DeadlineRule(from, days, null, null, after),
            ({ }, null, null) => throw new ProcedureCatalogException(file, field + ".days", $"must be from 1 to {MaxDeadlineDays} calendar days"),
            (null, { } age, { } month) when age is >= 1 and <= MaxAge && month is >= 1 and <= 12 => new DeadlineRule(from, null, age, month, after),
            (null, { }, { }) => throw new ProcedureCatalogException(file, field, $"inYearOfAge must be from 1 to {MaxAge} and month from 1 to 12"),
            _ => throw new ProcedureCatalogException(file, field, "set either days, or inYearOfAge with month"),
        };
    }

    private const int MaxDeadlineDays = 3650;
    private const int MaxAge = 100;

    private static ProcedureHandler Handler(string file, string? handler) =>
        handler?.Trim() switch
        {
            null or "" or "oneStopDesk" => ProcedureHandler.OneStopDesk,
            "communePolice" => ProcedureHandler.CommunePolice,
            "communeMilitary" => ProcedureHandler.CommuneMilitary,
            "unconfirmed" => ProcedureHandler.Unconfirmed,
            _ => throw new ProcedureCatalogException(file, "handler", $"'{handler}' must be oneStopDesk, communePolice, communeMilitary or unconfirmed"),
        };

    private static List<RequiredDocument> Documents(string file, List<ProcedureFile.DocumentEntry?>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            throw new ProcedureCatalogException(file, "documents", "list at least one paper to bring");
        }

        var documents = new List<RequiredDocument>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"documents[{i + 1}]";
            var entry = entries[i] ?? throw Missing(file, field);
            var form = entry.Form?.Trim() switch
            {
                "original" => DocumentForm.Original,
                "copy" => DocumentForm.Copy,
                "show" => DocumentForm.Show,
                null or "" => throw Missing(file, field + ".form"),
                var other => throw new ProcedureCatalogException(file, field + ".form", $"'{other}' is not one of original, copy, show"),
            };
            var count = entry.Count ?? 1;
            if (count < 1)
            {
                throw new ProcedureCatalogException(file, field + ".count", "must be 1 or more");
            }

            var note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
            documents.Add(new RequiredDocument(Text(file, field + ".name", entry.Name), form, count, note));
        }

        return documents;
    }

    /// <summary>The file's content as <typeparamref name="T"/>; an empty or malformed file is reported with its line.</summary>
    internal static T Deserialize<T>(string file, string yaml)
        where T : class
    {
        try
        {
            return Deserializer.Deserialize<T?>(yaml) ?? throw new ProcedureCatalogException(file, "(file)", "the file is empty");
        }
        catch (YamlException e)
        {
            throw new ProcedureCatalogException(file, "(file)", $"line {e.Start.Line}: {(e.InnerException ?? e).Message}", e);
        }
    }

    internal static string Text(string file, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(file, field) : value.Trim();

    internal static List<string> Texts(string file, string field, List<string?>? values)
    {
        if (values is null || values.Count == 0)
        {
            throw new ProcedureCatalogException(file, field, "must list at least one item");
        }

        return values.Select((value, i) => Text(file, $"{field}[{i + 1}]", value)).ToList();
    }

    internal static ProcedureCatalogException Missing(string file, string field) =>
        new(file, field, "is required and must not be empty");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.NonBacktracking)]
    private static partial Regex IdPattern();

    // A sentence ends at . ! ? followed by a space or the end; "15.000 đồng" is not an end.
    [GeneratedRegex(@"[.!?](\s|$)", RegexOptions.NonBacktracking)]
    private static partial Regex SentenceEnd();
}
