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
/// An in-memory Lucene index of the procedures' names and colloquial phrases, built once at start; the summaries
/// only add to the words that <see cref="Match"/> knows, since they describe a procedure rather than name it.
/// Searching is thread-safe: the searcher and the analyzer are shared, each query is built per call.
/// </summary>
public sealed class ProcedureIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // The field of every way a procedure is named: its phrases, official and simple names.
    private const string NamesField = "names";
    private const float BigramBoost = 2.0f;

    // Without length norms: listing more ways residents say it must never make a procedure harder to find.
    private static readonly FieldType NameFieldType = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    private readonly VietnameseAnalyzer analyzer = new();
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly string[] idByDocument;
    private readonly FrozenDictionary<string, SyllableSet> syllablesById;
    private readonly FrozenDictionary<string, TermContext> indexedTerms;

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

        indexedTerms = IndexedTerms(reader, NamesField);
        syllablesById = catalog.All.ToFrozenDictionary(
            p => p.Id,
            p => new SyllableSet(Names(p).Append(p.Summary).Append(p.WhoNeedsIt)),
            StringComparer.Ordinal);
        FoldedVocabulary = syllablesById.Values.SelectMany(s => s.Folded).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every syllable <see cref="Match"/> knows, without diacritics: what typo correction may correct towards.</summary>
    public IReadOnlySet<string> FoldedVocabulary { get; }

    /// <summary>
    /// The procedures that best match the message's canonical <paramref name="syllables"/>, best first. Syllables
    /// marked in <paramref name="ignored"/> (question words, fillers) are left out, and so are bigrams of two of them.
    /// </summary>
    public IReadOnlyList<ProcedureHit> Search(IReadOnlyList<string> syllables, IReadOnlyList<bool> ignored, int maxHits)
    {
        var terms = Terms(string.Join(' ', syllables), ignored);
        var query = new BooleanQuery(disableCoord: false);
        foreach (var term in terms)
        {
            // A term the index does not hold cannot score, and looking it up is most of a query's cost. Leaving it
            // out scales every document's coord factor alike, so the ranking does not change.
            if (indexedTerms.TryGetValue(term, out var context))
            {
                var boost = term.Contains(VietnameseAnalyzer.BigramSeparator) ? BigramBoost : 1f;
                query.Add(new TermQuery(new Term(NamesField, term), context) { Boost = boost }, Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        // In-order scoring: the out-of-order scorer allocates a table of 2,048 buckets on every search.
        var collector = TopScoreDocCollector.Create(maxHits, docsScoredInOrder: true);
        searcher.Search(query, collector);
        return collector.GetTopDocs().ScoreDocs
            .Select(hit => new ProcedureHit(idByDocument[hit.Doc], hit.Score))
            .ToList();
    }

    /// <summary>Whether and how <paramref name="syllable"/> (canonical form) occurs in the procedure's names, phrases,
    /// summary or who-needs-it text.</summary>
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

    // The analyzer yields each syllable at its own position, its bigram with the next one at the same position.
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
                ? IsIgnored(ignored, position) && IsIgnored(ignored, position + 1)
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

    // Every term of the field with its statistics, read in one pass over the terms: the index never changes after
    // it is built, so no query needs to look a term up again.
    private static FrozenDictionary<string, TermContext> IndexedTerms(IndexReader reader, string field)
    {
        var terms = new Dictionary<string, TermContext>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var termsEnum = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            while (termsEnum is not null && termsEnum.MoveNext())
            {
                var text = termsEnum.Term.Utf8ToString();
                if (!terms.TryGetValue(text, out var context))
                {
                    terms[text] = context = new TermContext(reader.Context);
                }

                context.Register(termsEnum.GetTermState(), leaf.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
            }
        }

        return terms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static Document ToDocument(Procedure procedure)
    {
        var document = new Document { new StringField("id", procedure.Id, Field.Store.YES) };
        // Each value is analysed on its own, so no bigram spans two phrases. The names are phrases too.
        foreach (var name in Names(procedure))
        {
            document.Add(new Field(NamesField, name, NameFieldType));
        }

        return document;
    }

    private static IEnumerable<string> Names(Procedure procedure) =>
        procedure.Phrases.Append(procedure.OfficialName).Append(procedure.SimpleName);

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
