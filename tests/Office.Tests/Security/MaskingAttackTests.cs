using System.Globalization;
using System.Text;
using CsCheck;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Security;

/// <summary>
/// Phone and ID numbers written with any separator Unicode has, with full-width digits or letters standing in for
/// digits, never survive masking; text that is no personal number comes through as it was.
/// </summary>
public sealed class MaskingAttackTests
{
    /// <summary>
    /// Every punctuation and symbol character of the Basic Multilingual Plane that stays punctuation or a symbol under
    /// compatibility normalisation (℡ becomes the letters "TEL", ① the digit 1: those are not separators).
    /// </summary>
    private static readonly char[] SeparatorPool = BuildSeparatorPool();

    private static readonly Gen<string> Separator = Gen.Frequency(
        (1, Gen.Const("")),
        (6, Gen.Int[0, SeparatorPool.Length - 1].Array[1, 3].Select(picks => new string([.. picks.Select(p => SeparatorPool[p])]))));

    private static readonly Gen<string> Words = Gen.OneOf(
        "sdt cua toi la", "số điện thoại", "so cccd", "cmnd", "gọi", "em", "nhé", "mô", "rứa", "nha chị");

    /// <summary>A 10-digit phone, a 9-digit old ID or a 12-digit citizen ID.</summary>
    private static readonly Gen<string> Digits = Gen.OneOf(
        Gen.String[Gen.Char['0', '9'], 9, 9].Select(d => "0" + d),
        Gen.String[Gen.Char['0', '9'], 9, 9],
        Gen.String[Gen.Char['0', '9'], 12, 12]);

    /// <summary>How one digit is typed: itself, full width, or (1 and 0) the letter it looks like.</summary>
    private static readonly Gen<int> Spelling = Gen.Int[0, 3];

    [Fact]
    public void Numbers_split_by_any_punctuation_or_symbol_are_masked() =>
        Gen.Select(Words, Digits, Gen.Int[1, 4].Array[12], Separator.Array[12], Words).Sample((before, digits, cuts, separators, after) =>
        {
            var number = Grouped(digits, cuts, separators);

            var masked = Masking.NumbersIn($"{before} {number} {after}");

            Assert.Equal($"{before} {Expected(digits)} {after}", masked);
        }, iter: 5000);

    [Fact]
    public void Full_width_digits_and_look_alike_letters_are_masked_as_digits() =>
        Gen.Select(Words, Digits, Spelling.Array[12], Separator.Array[12], Words).Sample((before, digits, spellings, separators, after) =>
        {
            var number = new StringBuilder();
            var afterDigit = false;
            for (var i = 0; i < digits.Length; i++)
            {
                var separated = i % 4 == 0 && i > 0 && separators[i / 4].Length > 0;
                var spelled = Spell(digits[i], spellings[i], besideDigit: afterDigit && !separated);
                number.Append(separated ? separators[i / 4] : "").Append(spelled);
                afterDigit = !char.IsAsciiLetter(spelled[0]);
            }

            var masked = Masking.NumbersIn($"{before} {number} {after}");

            Assert.Equal($"{before} {Expected(digits)} {after}", masked);
        }, iter: 3000);

    [Fact]
    public void Words_dates_prices_and_dossier_codes_come_through_unchanged() =>
        Gen.Select(Words, Gen.Int[1, 28], Gen.Int[1, 12], Gen.Int[1, 9999], Gen.Int[0, 999]).Sample((word, day, month, sequence, thousands) =>
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{word} hồ sơ 000.32.30.H49-26{month:D2}{day:D2}-{sequence:D4} hẹn {day}/{month}/2026, phí {thousands}.000 đồng, mã 26{month:D2}{day:D2}-{sequence:D4}");

            Assert.Equal(text, Masking.NumbersIn(text));
        }, iter: 1000);

    [Fact]
    public void Any_text_at_all_comes_back_without_a_crash_and_with_no_long_number_left() =>
        Gen.String[Gen.Char, 0, 300].Sample(text =>
        {
            var masked = Masking.NumbersIn(text);

            Assert.True(LongestDigitRun(masked) < 9, $"\"{text}\" became \"{masked}\"");
        }, iter: 3000);

    [Theory]
    [InlineData("0912*345*678", "09******78")]
    [InlineData("0912~345~678", "09******78")]
    [InlineData("0912;345;678", "09******78")]
    [InlineData("0912|345|678", "09******78")]
    [InlineData("0912'345'678", "09******78")]
    [InlineData("0912·345·678", "09******78")]
    [InlineData("0912•345•678", "09******78")]
    [InlineData("0912#345#678", "09******78")]
    [InlineData("0912+345+678", "09******78")]
    [InlineData("0912:345:678", "09******78")]
    [InlineData("0912=345=678", "09******78")]
    [InlineData("001*203*004*005", "00********05")]
    [InlineData("09l2345678", "09******78")]
    [InlineData("O9I2 345 67o", "09******70")]
    [InlineData("０９１２３４５６７８", "09******78")]
    [InlineData("０９１２.３４５.６７８", "09******78")]
    [InlineData("𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "09******78")]
    [InlineData("0912\u200B345\u200B678", "09******78")]
    [InlineData("09\u200Dl\u200D2345678", "09******78")]
    [InlineData("0912 l 345 678", "09*******78")]
    [InlineData("O912-345-67o", "09******70")]
    [InlineData("٠٩١٢٣٤٥٦٧٨", "09******78")]
    [InlineData("⓪⑨①②③④⑤⑥⑦⑧", "09******78")]
    [InlineData("(091) 234-5678", "(09******78")]
    [InlineData("+84 912 345 678", "+84*******78")]
    public void The_formats_that_reached_staff_unmasked_are_masked(string number, string expected) =>
        Assert.Equal($"sdt {expected} nhé", Masking.NumbersIn($"sdt {number} nhé"));

    [Theory]
    [InlineData("hẹn ngày 25/12/2026 lúc 8 giờ")]
    [InlineData("lệ phí 15.000 đồng, nộp tại bộ phận một cửa")]
    [InlineData("hồ sơ 000.32.30.H49-261125-0003 xong chưa")]
    [InlineData("mã 261125-0003 nha")]
    [InlineData("mã 2611250003")]
    [InlineData("lo lắm, ô tô số 12 ở Thôn 2")]
    [InlineData("Hol2 loo 1O")]
    [InlineData("số ０１２")]
    public void Text_that_is_no_personal_number_is_kept_as_typed(string text) =>
        Assert.Equal(text, Masking.NumbersIn(text));

    [Theory]
    // A phone before a code is a phone; a code's look-alike after other digits is no code.
    [InlineData("0912345678 261125-0003", "09****************03")]
    [InlineData("00 251125 1234", "00********34")]
    // Before 2018 no code existed: 10 digits starting with 0 are a phone.
    [InlineData("090101-1234", "09******34")]
    public void Digits_that_only_look_like_a_code_are_masked(string text, string expected) =>
        Assert.Equal(expected, Masking.NumbersIn(text));

    [Fact]
    public void A_megabyte_of_digits_separators_and_look_alikes_is_read_in_one_pass()
    {
        var hostile = string.Concat(Enumerable.Repeat("0l*0-\u200B９", 150_000));

        var masked = Masking.NumbersIn(hostile);

        Assert.StartsWith("01***", masked, StringComparison.Ordinal);
        Assert.True(LongestDigitRun(masked) < 9);
    }

    private static string Expected(string digits) => digits[..2] + new string('*', digits.Length - 4) + digits[^2..];

    private static string Grouped(string digits, int[] cuts, string[] separators)
    {
        var builder = new StringBuilder();
        for (int at = 0, group = 0; at < digits.Length; group++)
        {
            var length = Math.Min(cuts[group % cuts.Length], digits.Length - at);
            builder.Append(group == 0 ? "" : separators[group % separators.Length]).Append(digits, at, length);
            at += length;
        }
        return builder.ToString();
    }

    /// <summary>A letter stands in for a digit only right beside a digit, as in "09l2": alone it would be a word.</summary>
    private static string Spell(char digit, int spelling, bool besideDigit) => (digit, spelling) switch
    {
        (_, 1) => ((char)('０' + (digit - '0'))).ToString(),
        ('1', 2) when besideDigit => "l",
        ('1', 3) when besideDigit => "I",
        ('0', 2) when besideDigit => "o",
        ('0', 3) when besideDigit => "O",
        _ => digit.ToString(),
    };

    /// <summary>The most digits (after compatibility normalisation) in a row with no letter between them.</summary>
    private static int LongestDigitRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            var compatible = char.IsSurrogate(c) ? "" : c.ToString().Normalize(NormalizationForm.FormKC);
            if (compatible.Any(char.IsLetter))
            {
                run = 0;
            }
            run += compatible.Count(char.IsDigit);
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    private static char[] BuildSeparatorPool()
    {
        var pool = new List<char>();
        for (var c = '\u0000'; c < '\uFFFF'; c++)
        {
            var category = char.GetUnicodeCategory(c);
            var punctuationOrSymbol = category is >= UnicodeCategory.ConnectorPunctuation and <= UnicodeCategory.OtherSymbol;
            if (punctuationOrSymbol && !c.ToString().Normalize(NormalizationForm.FormKC).Any(char.IsLetterOrDigit))
            {
                pool.Add(c);
            }
        }
        return [.. pool];
    }
}
