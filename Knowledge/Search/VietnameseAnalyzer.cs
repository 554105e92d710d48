using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.TokenAttributes;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Search;

/// <summary>
/// Indexes Vietnamese as residents type it. Each syllable is indexed in its canonical form (teencode and dialect
/// expanded) and, at the same position, its folded form; each pair of neighbouring syllables is also indexed as a
/// bigram ("khai_sinh") at the position of its first syllable, because Vietnamese words are mostly two syllables.
/// A query typed with diacritics matches both the exact and the folded term of a document, so it scores above a
/// query that only matches folded.
/// </summary>
public sealed class VietnameseAnalyzer : Analyzer
{
    /// <summary>Joins the two syllables of a bigram term.</summary>
    public const char BigramSeparator = '_';

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new SyllableTokenizer(reader);
        // Lucene's own filters: each syllable then its bigram with the next, and after each term its folded form.
        var bigrams = new ShingleFilter(tokenizer, minShingleSize: 2, maxShingleSize: 2);
        bigrams.SetTokenSeparator(BigramSeparator.ToString());
        var stream = new ASCIIFoldingFilter(bigrams, preserveOriginal: true);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The canonical syllables of the text, from <see cref="VietnameseText.Syllables(string?)"/>.</summary>
    private sealed class SyllableTokenizer : Tokenizer
    {
        // Indexed texts (names, phrases, summaries) are short; this only bounds pathological input.
        private const int MaxIndexedSyllables = 512;

        private readonly ICharTermAttribute term;
        private readonly IOffsetAttribute offset;
        private IReadOnlyList<string> syllables = [];
        private int index;
        private int position;

        public SyllableTokenizer(TextReader input)
            : base(input)
        {
            term = AddAttribute<ICharTermAttribute>();
            offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (index >= syllables.Count)
            {
                return false;
            }

            var syllable = syllables[index++];
            term.SetEmpty().Append(syllable);
            // Offsets count through the canonical text: the original spelling may differ (teencode, dialect).
            offset.SetOffset(CorrectOffset(position), CorrectOffset(position + syllable.Length));
            position += syllable.Length + 1;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            syllables = VietnameseText.Syllables(m_input.ReadToEnd(), MaxIndexedSyllables);
            index = 0;
            position = 0;
        }

        public override void End()
        {
            base.End();
            var final = CorrectOffset(Math.Max(0, position - 1));
            offset.SetOffset(final, final);
        }
    }
}
