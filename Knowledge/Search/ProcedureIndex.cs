using System.Collections.Frozen;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Search;

/// <summary>A procedure found by a search, with its Lucene score (only comparable within one search).</summary>
public readonly record struct ProcedureHit(string ProcedureId, float Score);

/// <summary>How a syllable of a message occurs in a procedure's indexed text.</summary>
public enum SyllableMatch
{
    None,
    /// <summary>Only without diacritics: "cuoi" typed as "cười" while the procedure says "cưới".</summary>
    Folded,
    Exact,
}

/// <summary>
/// An in-memory Lucene index of the procedures' names, colloquial phrases and summaries, built once at start.
/// Searching is thread-safe: the searcher and the analyzer are shared, each query is built per call.
/// </summary>
public sealed class ProcedureIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Residents name procedures the way the phrases do; names help, summaries only a little.
    private static readonly (string Name, float Boost)[] Fields = [("phrases", 2.0f), ("name", 1.5f), ("about", 0.4f)];
    private const float BigramBoost = 2.0f;

    // Without length norms on phrases: listing more ways residents say it must never make a procedure harder to find.
    private static readonly FieldType PhraseField = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    private readonly VietnameseAnalyzer analyzer = new();
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly string[] idByDocument;
    private readonly FrozenDictionary<string, SyllableSet> syllablesById;
    private readonly FrozenDictionary<string, FrozenSet<string>> termsByField;

    public ProcedureIndex(ProcedureCatalog catalog)
    {
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)))
        {
            foreach (var procedure in catalog.All)
            {
                writer.AddDocument(ToDocument(procedure));
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
        idByDocument = new string[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            idByDocument[doc] = reader.Document(doc).Get("id");
        }

        termsByField = Fields.ToFrozenDictionary(f => f.Name, f => IndexedTerms(reader, f.Name), StringComparer.Ordinal);
        syllablesById = catalog.All.ToFrozenDictionary(p => p.Id, p => new SyllableSet(IndexedTexts(p)), StringComparer.Ordinal);
        FoldedVocabulary = syllablesById.Values.SelectMany(s => s.Folded).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every indexed syllable without diacritics: what typo correction may correct towards.</summary>
    public IReadOnlySet<string> FoldedVocabulary { get; }

    /// <summary>
    /// The procedures that best match the message's canonical <paramref name="syllables"/>, best first. Syllables
    /// marked in <paramref name="ignored"/> (question words, fillers) are left out, and so are bigrams of two of them.
    /// </summary>
    public IReadOnlyList<ProcedureHit> Search(IReadOnlyList<string> syllables, IReadOnlyList<bool> ignored, int maxHits)
    {
        var terms = Terms(string.Join(' ', syllables), ignored);
        if (terms.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery(disableCoord: false);
        foreach (var term in terms)
        {
            var boost = term.Contains(VietnameseAnalyzer.BigramSeparator) ? BigramBoost : 1f;
            foreach (var (name, fieldBoost) in Fields)
            {
                // A term absent from a field cannot score, and looking it up is most of a query's cost. Leaving it
                // out scales every document's coord factor alike, so the ranking does not change.
                if (!termsByField[name].Contains(term))
                {
                    continue;
                }

                query.Add(new TermQuery(new Term(name, term)) { Boost = boost * fieldBoost }, Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        return searcher.Search(query, maxHits).ScoreDocs
            .Select(hit => new ProcedureHit(idByDocument[hit.Doc], hit.Score))
            .ToList();
    }

    /// <summary>Whether and how <paramref name="syllable"/> (canonical form) occurs in the procedure's indexed text.</summary>
    public SyllableMatch Match(string procedureId, string syllable)
    {
        if (!syllablesById.TryGetValue(procedureId, out var set))
        {
            return SyllableMatch.None;
        }

        if (set.Exact.Contains(syllable))
        {
            return SyllableMatch.Exact;
        }

        var folded = VietnameseText.Fold(syllable);
        if (!set.Folded.Contains(folded))
        {
            return SyllableMatch.None;
        }

        // Typed without diacritics, a folded match is as good as it gets.
        return folded == syllable ? SyllableMatch.Exact : SyllableMatch.Folded;
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    // The analyzer yields each syllable at its own position, its bigram with the previous one at the same position.
    private HashSet<string> Terms(string text, IReadOnlyList<bool> ignored)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream("query", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var position = -1;
        stream.Reset();
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            var value = term.ToString();
            var skip = value.Contains(VietnameseAnalyzer.BigramSeparator)
                ? IsIgnored(ignored, position - 1) && IsIgnored(ignored, position)
                : IsIgnored(ignored, position);
            if (!skip)
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    private static bool IsIgnored(IReadOnlyList<bool> ignored, int position) =>
        position >= 0 && position < ignored.Count && ignored[position];

    private static FrozenSet<string> IndexedTerms(IndexReader reader, string field)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var termsEnum = MultiFields.GetTerms(reader, field)?.GetEnumerator();
        while (termsEnum is not null && termsEnum.MoveNext())
        {
            terms.Add(termsEnum.Term.Utf8ToString());
        }

        return terms.ToFrozenSet(StringComparer.Ordinal);
    }

    private static Document ToDocument(Procedure procedure)
    {
        var document = new Document { new StringField("id", procedure.Id, Field.Store.YES) };
        // Each value is analysed on its own, so no bigram spans two phrases.
        document.Add(new TextField("name", procedure.OfficialName, Field.Store.NO));
        document.Add(new TextField("name", procedure.SimpleName, Field.Store.NO));
        foreach (var phrase in procedure.Phrases)
        {
            document.Add(new Field("phrases", phrase, PhraseField));
        }

        document.Add(new TextField("about", procedure.Summary, Field.Store.NO));
        document.Add(new TextField("about", procedure.WhoNeedsIt, Field.Store.NO));
        return document;
    }

    private static IEnumerable<string> IndexedTexts(Procedure procedure) =>
        procedure.Phrases.Concat([procedure.OfficialName, procedure.SimpleName, procedure.Summary, procedure.WhoNeedsIt]);

    private sealed class SyllableSet
    {
        public SyllableSet(IEnumerable<string> texts)
        {
            var exact = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in texts)
            {
                exact.UnionWith(VietnameseText.Syllables(text, int.MaxValue));
            }

            Exact = exact.ToFrozenSet(StringComparer.Ordinal);
            Folded = exact.Select(VietnameseText.Fold).ToFrozenSet(StringComparer.Ordinal);
        }

        public FrozenSet<string> Exact { get; }

        public FrozenSet<string> Folded { get; }
    }
}
