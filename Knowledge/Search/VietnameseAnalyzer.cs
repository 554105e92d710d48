using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Search;

/// <summary>
/// Indexes Vietnamese as residents type it. Each syllable is indexed in its canonical form (teencode and dialect
/// expanded) and, at the same position, its folded form; each pair of neighbouring syllables is also indexed as a
/// bigram ("khai_sinh"), because Vietnamese words are mostly two syllables. A query typed with diacritics matches
/// both the exact and the folded term of a document, so it scores above a query that only matches folded.
/// </summary>
public sealed class VietnameseAnalyzer : Analyzer
{
    /// <summary>Joins the two syllables of a bigram term.</summary>
    public const char BigramSeparator = '_';

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new SyllableTokenizer(reader);
        TokenStream stream = new SyllableBigramFilter(tokenizer);
        stream = new FoldedFormFilter(stream);
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

    /// <summary>Passes every token through and, after it, one derived term at the same position where there is one.</summary>
    private abstract class SamePositionTermFilter : TokenFilter
    {
        private readonly ICharTermAttribute term;
        private readonly IPositionIncrementAttribute increment;
        private string? pendingTerm;
        private State? pendingState;

        protected SamePositionTermFilter(TokenStream input)
            : base(input)
        {
            term = AddAttribute<ICharTermAttribute>();
            increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public sealed override bool IncrementToken()
        {
            if (pendingTerm is not null)
            {
                RestoreState(pendingState);
                term.SetEmpty().Append(pendingTerm);
                increment.PositionIncrement = 0;
                pendingTerm = null;
                return true;
            }

            if (!m_input.IncrementToken())
            {
                return false;
            }

            pendingTerm = DerivedTerm(term.ToString());
            pendingState = pendingTerm is null ? null : CaptureState();
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            pendingTerm = null;
            pendingState = null;
        }

        /// <summary>The term to add at the position of <paramref name="current"/>, or null.</summary>
        protected abstract string? DerivedTerm(string current);
    }

    /// <summary>After each syllable, the bigram it forms with the previous one.</summary>
    private sealed class SyllableBigramFilter(TokenStream input) : SamePositionTermFilter(input)
    {
        private string? previous;

        public override void Reset()
        {
            base.Reset();
            previous = null;
        }

        protected override string? DerivedTerm(string current)
        {
            var bigram = previous is null ? null : previous + BigramSeparator + current;
            previous = current;
            return bigram;
        }
    }

    /// <summary>After each term with diacritics, its folded form.</summary>
    private sealed class FoldedFormFilter(TokenStream input) : SamePositionTermFilter(input)
    {
        protected override string? DerivedTerm(string current)
        {
            var folded = VietnameseText.Fold(current);
            return folded == current ? null : folded;
        }
    }
}
