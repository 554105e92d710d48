using System.Globalization;
using System.Collections.Frozen;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Search;

/// <summary>
/// A procedure found by a search, with its Lucene score (only comparable within one search) and its strength: the
/// share of the query's weight (idf² × boost of each term the index holds) that the procedure's text matches, from
/// 0 to 1, the score it has relative to the best any procedure could have for this query.
/// <paramref name="MatchesPair"/>: the procedure's text has two neighbouring words of the query side by side.
/// </summary>
public readonly record struct ProcedureHit(string ProcedureId, float Score, double Strength, bool MatchesPair);

/// <summary>How a syllable of a message occurs in a procedure's indexed text.</summary>
public enum SyllableMatch
{
    None,
    /// <summary>Only without diacritics: "cuoi" typed as "cười" while the procedure says "cưới".</summary>
    Folded,
    Exact,
}

/// <summary>
/// An in-memory Lucene index of the procedures' names, colloquial phrases and the papers they ask for, built once at
/// start; the summaries
/// only add to the words that <see cref="Match"/> knows, since they describe a procedure rather than name it.
/// Searching is thread-safe: the searcher and the analyzer are shared, each query is built per call.
/// </summary>
public sealed class ProcedureIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // The field of every way a procedure is named: its phrases, official and simple names, its papers.
    private const string NamesField = "names";
    private const float BigramBoost = 2.0f;

    /// <summary>
    /// The strength from which a hit is offered to a resident: measured on the held-out files, out-of-scope messages
    /// stay below it: 1 of 60 fires, while 96 % of the questions it fires on get their procedure among the hits
    /// (ProcedureSuggestionTests prints the figures for neighbouring values).
    /// </summary>
    public const double OfferStrength = 0.6;

    // Without length norms: listing more ways residents say it must never make a procedure harder to find.
    private static readonly FieldType NameFieldType = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    // The searcher's own similarity, for the weights of terms.
    private static readonly DefaultSimilarity Similarity = new();

    private readonly VietnameseAnalyzer analyzer = new();
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly string[] idByDocument;
    private readonly FrozenDictionary<string, SyllableSet> syllablesById;
    private readonly FrozenDictionary<string, TermContext> indexedTerms;
    private readonly FrozenSet<string>[] termsByDocument;

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
            idByDocument[doc] = reader.Document(doc).Get("id", CultureInfo.InvariantCulture);
        }

        (indexedTerms, termsByDocument) = IndexedTerms(reader, NamesField);
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
                var boost = term.Contains(VietnameseAnalyzer.BigramSeparator, StringComparison.Ordinal) ? BigramBoost : 1f;
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
        var weights = query.Clauses.Select(clause => (TermQuery)clause.Query)
            .ToDictionary(q => q.Term.Text, Weight, StringComparer.Ordinal);
        // A word no procedure has counts against every procedure, as rare as a term can be: "bạn là người hay máy"
        // shares one pair with a phrase, which is not a strong hit.
        double unknownIdf = Similarity.Idf(0, reader.NumDocs);
        var unknownWords = terms.Count(t => !t.Contains(VietnameseAnalyzer.BigramSeparator, StringComparison.Ordinal) && !indexedTerms.ContainsKey(t));
        var best = weights.Values.Sum() + unknownWords * unknownIdf * unknownIdf;
        return collector.GetTopDocs().ScoreDocs
            .Select(hit =>
            {
                var matched = weights.Where(w => termsByDocument[hit.Doc].Contains(w.Key)).ToList();
                var pair = matched.Any(w => w.Key.Contains(VietnameseAnalyzer.BigramSeparator, StringComparison.Ordinal));
                return new ProcedureHit(idByDocument[hit.Doc], hit.Score, matched.Sum(w => w.Value) / best, pair);
            })
            .ToList();
    }

    /// <summary>
    /// The procedures a free message names strongly enough to offer as a short list, best first: each matches a pair
    /// of neighbouring words of the message (one word such as "giấy" or "làm" names no procedure) and at least
    /// <paramref name="minStrength"/> of the query's weight.
    /// </summary>
    public IReadOnlyList<string> Suggest(string? text, int maxHits, double minStrength = OfferStrength)
    {
        var syllables = VietnameseText.Syllables(text);
        return Search(syllables, new bool[syllables.Count], maxHits)
            .Where(hit => hit.MatchesPair && hit.Strength >= minStrength)
            .Select(hit => hit.ProcedureId)
            .ToList();
    }

    // What a term adds to the score of a procedure matching it once, relative to the other terms of the query:
    // Lucene's TF-IDF without length norms (as the field is indexed) weighs it by idf² × boost.
    private double Weight(TermQuery query)
    {
        double idf = Similarity.Idf(indexedTerms[query.Term.Text].DocFreq, reader.NumDocs);
        return idf * idf * query.Boost;
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
            var skip = value.Contains(VietnameseAnalyzer.BigramSeparator, StringComparison.Ordinal)
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
    private static (FrozenDictionary<string, TermContext> Terms, FrozenSet<string>[] ByDocument) IndexedTerms(IndexReader reader, string field)
    {
        var terms = new Dictionary<string, TermContext>(StringComparer.Ordinal);
        var byDocument = Enumerable.Range(0, reader.MaxDoc).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
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
                var docs = termsEnum.Docs(null, null);
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    byDocument[leaf.DocBase + docs.DocID].Add(text);
                }
            }
        }

        return (terms.ToFrozenDictionary(StringComparer.Ordinal), byDocument.Select(set => set.ToFrozenSet(StringComparer.Ordinal)).ToArray());
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

    // The papers too: residents often name a procedure by the paper they hold or need ("giấy chứng sinh").
    private static IEnumerable<string> Names(Procedure procedure) =>
        procedure.Phrases.Append(procedure.OfficialName).Append(procedure.SimpleName).Concat(procedure.Documents.Select(d => d.Name));

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
