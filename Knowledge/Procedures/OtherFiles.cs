using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Procedures;

/// <summary>
/// The files beside the procedures in <c>Other/</c>: <c>intents.yaml</c> (examples of the other intents),
/// <c>agencies.yaml</c> (other agencies' procedures) and <c>glossary.yaml</c> (words explained in plain words).
/// A folder without them (a test's) has none.
/// </summary>
internal sealed record OtherFiles(IReadOnlyList<OtherAgency> Agencies, IReadOnlyList<MessageExample> Messages, IReadOnlyList<GlossaryTerm> Glossary)
{
    /// <summary>Questions about one aspect of a procedure (<c>aspects.yaml</c>).</summary>
    public IReadOnlyList<AspectExample> Aspects { get; init; } = [];

    public const string Folder = "Other";
    public const string IntentsFile = "intents.yaml";
    public const string AgenciesFile = "agencies.yaml";
    public const string GlossaryFile = "glossary.yaml";
    public const string AspectsFile = "aspects.yaml";

    // One line after the word, in brackets: longer is no longer an explanation.
    private const int MaxExplanationLength = 80;

    /// <summary>The label in the intents file of small talk, jokes and insults.</summary>
    public const string ChitChatLabel = "chitchat";

    /// <summary>The label in the intents file of thanks and goodbye: a greeting that closes the conversation.</summary>
    public const string ClosingLabel = "closing";

    /// <summary>
    /// The label in the intents file of what residents tell without asking ("đường vô thôn bị ngập rồi"): intent none,
    /// and no aspect either, while a question nothing fits ("mua phân bón ở đâu") still asks where.
    /// </summary>
    public const string ToldLabel = "told";

    public static OtherFiles Load(string directory, IReadOnlyList<Procedure> procedures)
    {
        var procedureIds = procedures.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var intents = Path.Combine(directory, Folder, IntentsFile);
        var agencies = Path.Combine(directory, Folder, AgenciesFile);
        var glossary = Path.Combine(directory, Folder, GlossaryFile);
        var aspects = Path.Combine(directory, Folder, AspectsFile);
        return new OtherFiles(
            File.Exists(agencies) ? ParseAgencies(File.ReadAllText(agencies), procedureIds) : [],
            File.Exists(intents) ? ParseIntents(File.ReadAllText(intents), procedureIds) : [],
            File.Exists(glossary) ? ParseGlossary(File.ReadAllText(glossary)) : [])
        {
            Aspects = File.Exists(aspects) ? ParseAspects(File.ReadAllText(aspects), procedureIds) : [],
        };
    }

    internal static List<AspectExample> ParseAspects(string yaml, IReadOnlySet<string> procedureIds)
    {
        const string file = Folder + "/" + AspectsFile;
        var entries = ProcedureCatalog.Deserialize<List<AspectEntry?>>(file, yaml);
        var aspects = new List<AspectExample>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"[{i + 1}]";
            var entry = entries[i] ?? throw ProcedureCatalog.Missing(file, at);
            var name = ProcedureCatalog.Text(file, at + ".aspect", entry.Aspect);
            if (AspectNames.Parse(name) is not { } aspect || aspect == ProcedureAspect.None)
            {
                throw new ProcedureCatalogException(file, at + ".aspect", $"'{name}' is not an aspect");
            }

            var procedure = string.IsNullOrWhiteSpace(entry.Procedure) ? null : entry.Procedure.Trim();
            if (procedure is not null && !procedureIds.Contains(procedure))
            {
                throw new ProcedureCatalogException(file, at + ".procedure", $"'{procedure}' is not a procedure");
            }

            aspects.Add(new AspectExample(aspect, procedure, ProcedureCatalog.Texts(file, at + ".examples", entry.Examples)));
        }

        return aspects;
    }

    internal static List<GlossaryTerm> ParseGlossary(string yaml)
    {
        const string file = Folder + "/" + GlossaryFile;
        var entries = ProcedureCatalog.Deserialize<List<GlossaryEntry?>>(file, yaml);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var terms = new List<GlossaryTerm>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"[{i + 1}]";
            var entry = entries[i] ?? throw ProcedureCatalog.Missing(file, at);
            var spellings = ProcedureCatalog.Texts(file, at + ".terms", entry.Terms).Select(t => t.Normalize()).ToList();
            if (spellings.FirstOrDefault(t => !seen.Add(t)) is { } repeated)
            {
                throw new ProcedureCatalogException(file, at + ".terms", $"'{repeated}' is explained twice");
            }

            var explanation = ProcedureCatalog.Text(file, at + ".explanation", entry.Explanation).Normalize();
            if (explanation.Length > MaxExplanationLength || explanation.IndexOfAny(['\n', '(', ')']) >= 0)
            {
                throw new ProcedureCatalogException(file, at + ".explanation", $"one line of at most {MaxExplanationLength} characters, without brackets");
            }

            terms.Add(new GlossaryTerm(spellings, explanation));
        }

        return terms;
    }

    internal static List<OtherAgency> ParseAgencies(string yaml, IReadOnlySet<string> procedureIds)
    {
        const string file = Folder + "/" + AgenciesFile;
        var entries = ProcedureCatalog.Deserialize<List<AgencyEntry?>>(file, yaml);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var agencies = new List<OtherAgency>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"[{i + 1}]";
            var entry = entries[i] ?? throw ProcedureCatalog.Missing(file, at);
            var id = ProcedureCatalog.Text(file, at + ".id", entry.Id);
            if (procedureIds.Contains(id) || !seen.Add(id))
            {
                throw new ProcedureCatalogException(file, at + ".id", $"'{id}' is already used by a procedure or another agency");
            }

            // Who handles it, where and how to reach it come together or not at all: without them it is not covered.
            var covered = entry.Agency is not null || entry.Where is not null || entry.Contact is not null;
            agencies.Add(new OtherAgency(
                id,
                ProcedureCatalog.Text(file, at + ".name", entry.Name),
                covered ? ProcedureCatalog.Text(file, at + ".agency", entry.Agency) : null,
                covered ? ProcedureCatalog.Text(file, at + ".where", entry.Where) : null,
                covered ? ProcedureCatalog.Text(file, at + ".contact", entry.Contact) : null,
                ProcedureCatalog.Texts(file, at + ".examples", entry.Examples)));
        }

        return agencies;
    }

    internal static List<MessageExample> ParseIntents(string yaml, IReadOnlySet<string> procedureIds)
    {
        const string file = Folder + "/" + IntentsFile;
        var entries = ProcedureCatalog.Deserialize<List<IntentEntry?>>(file, yaml);
        var messages = new List<MessageExample>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"[{i + 1}]";
            var entry = entries[i] ?? throw ProcedureCatalog.Missing(file, at);
            var name = ProcedureCatalog.Text(file, at + ".intent", entry.Intent);
            // Small talk is its own label but intent none to the evaluation contract: it fits no procedure either.
            var chitChat = string.Equals(name, ChitChatLabel, StringComparison.OrdinalIgnoreCase);
            var closing = string.Equals(name, ClosingLabel, StringComparison.OrdinalIgnoreCase);
            var told = string.Equals(name, ToldLabel, StringComparison.OrdinalIgnoreCase);
            var intent = closing ? Intent.Greeting : Intent.None;
            if (!chitChat && !closing && !told && (!Enum.TryParse(name, ignoreCase: true, out intent) || !Enum.IsDefined(intent) || name.Any(char.IsDigit)))
            {
                throw new ProcedureCatalogException(file, at + ".intent", $"'{name}' is not an intent");
            }

            var procedure = string.IsNullOrWhiteSpace(entry.Procedure) ? null : entry.Procedure.Trim();
            // A request to submit or a status question names the procedure it is about; questions go in the procedure's file.
            if (procedure is not null && intent is not (Intent.Submit or Intent.Status))
            {
                throw new ProcedureCatalogException(file, at + ".procedure", "only submit and status examples name a procedure; questions go in the procedure's file");
            }

            if (procedure is not null && !procedureIds.Contains(procedure))
            {
                throw new ProcedureCatalogException(file, at + ".procedure", $"'{procedure}' is not a procedure");
            }

            messages.Add(new MessageExample(intent, procedure, ProcedureCatalog.Texts(file, at + ".examples", entry.Examples), chitChat) { Closing = closing, Told = told });
        }

        return messages;
    }

    private sealed class AgencyEntry
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Agency { get; set; }
        public string? Where { get; set; }
        public string? Contact { get; set; }
        public List<string?>? Examples { get; set; }
    }

    private sealed class GlossaryEntry
    {
        public List<string?>? Terms { get; set; }
        public string? Explanation { get; set; }
    }

    private sealed class AspectEntry
    {
        public string? Aspect { get; set; }
        public string? Procedure { get; set; }
        public List<string?>? Examples { get; set; }
    }

    private sealed class IntentEntry
    {
        public string? Intent { get; set; }
        public string? Procedure { get; set; }
        public List<string?>? Examples { get; set; }
    }
}
