using System.Text.RegularExpressions;
using CsCheck;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Dossiers;

/// <summary>Personal numbers in free text, written every way residents write them, never survive masking.</summary>
public sealed partial class MaskingPropertyTests
{
    // What goes between digit groups: nothing, one or two characters of the kinds phones, keyboards and word
    // processors produce (U+2011 non-breaking hyphen, en and em dashes, the minus sign).
    private static readonly Gen<string> Separator = Gen.OneOf(
        "", " ", ".", "-", "/", ",", "_", "\u2011", "\u2013", "\u2014", "\u2212", " -", "- ", ". ", ", ", " /", "  ");

    private static readonly Gen<string> Words = Gen.OneOf(
        "sdt cua toi la", "số điện thoại", "so cccd", "cmnd", "gọi", "em", "nhé", "a", "mô", "rứa", "nha chị");

    /// <summary>A phone (0 and 9 digits, or +84 and 9), or a 9- or 12-digit ID number, as bare digits.</summary>
    private static readonly Gen<(string Prefix, string Digits)> Number = Gen.OneOf(
        Gen.String[Gen.Char['0', '9'], 9, 9].Select(d => ("", "0" + d)),
        Gen.String[Gen.Char['0', '9'], 9, 9].Select(d => ("+84", d)),
        Gen.String[Gen.Char['0', '9'], 9, 9].Select(d => ("", d)),
        Gen.String[Gen.Char['0', '9'], 12, 12].Select(d => ("", d)));

    /// <summary>The digits cut into groups of 1–4 with a separator between each; sometimes the first group in brackets.</summary>
    private static readonly Gen<string> Written =
        from number in Number
        from cuts in Gen.Int[1, 4].Array[12]
        from separators in Separator.Array[12]
        from bracketed in Gen.Bool
        select Write(number.Prefix, number.Digits, cuts, separators, bracketed);

    [Fact]
    public void No_more_than_four_digits_of_a_number_are_left_whatever_separates_them() =>
        Gen.Select(Words, Written, Words).Sample((before, number, after) =>
        {
            var masked = Masking.NumbersIn($"{before} {number} {after}");

            Assert.True(Digit().Count(masked) <= 4, $"\"{number}\" became \"{masked}\"");
            Assert.StartsWith(before, masked, StringComparison.Ordinal);
            Assert.EndsWith(after, masked, StringComparison.Ordinal);
        }, iter: 3000);

    [Fact]
    public void Two_numbers_in_one_message_are_both_masked() =>
        Gen.Select(Written, Written).Sample((first, second) =>
        {
            var masked = Masking.NumbersIn($"{first} hoặc {second}");

            Assert.True(Digit().Count(masked) <= 8, $"\"{first}\" and \"{second}\" became \"{masked}\"");
            Assert.Contains(" hoặc ", masked, StringComparison.Ordinal);
        }, iter: 1000);

    [Fact]
    public void Short_numbers_such_as_fees_dates_and_counts_are_kept() =>
        Gen.Select(Gen.Int[0, 99_999_999], Words).Sample((amount, word) =>
        {
            var text = $"{word} {amount:N0} đồng ngày 25/12";

            Assert.Equal(text, Masking.NumbersIn(text));
        }, iter: 1000);

    [Theory]
    [InlineData("(091) 2345678")]
    [InlineData("0912/345/678")]
    [InlineData("0912,345,678")]
    [InlineData("0912_345_678")]
    [InlineData("0912\u2011345\u2011678")]
    [InlineData("+84 912 345 678")]
    [InlineData("001 234 567 889")]
    [InlineData("201.234.567")]
    public void The_formats_seen_unmasked_before_are_masked(string number) =>
        Assert.True(Digit().Count(Masking.NumbersIn("sdt " + number)) <= 4);

    [Fact]
    public void Identifiers_in_logs_are_the_same_hash_for_the_same_id_and_reveal_nothing()
    {
        var hashed = Masking.Identifier("2512523625412345");

        Assert.Equal(hashed, Masking.Identifier("2512523625412345"));
        Assert.NotEqual(hashed, Masking.Identifier("2512523625412346"));
        Assert.DoesNotContain("2512", hashed, StringComparison.Ordinal);
    }

    private static string Write(string prefix, string digits, int[] cuts, string[] separators, bool bracketed)
    {
        var groups = new List<string>();
        var at = 0;
        for (var i = 0; at < digits.Length; i++)
        {
            var length = Math.Min(cuts[i % cuts.Length], digits.Length - at);
            groups.Add(digits.Substring(at, length));
            at += length;
        }
        if (bracketed)
        {
            groups[0] = "(" + groups[0] + ")";
        }
        var written = string.Concat(groups.Select((group, i) => i == 0 ? group : separators[i % separators.Length] + group));
        return prefix.Length == 0 ? written : prefix + " " + written;
    }

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();
}
