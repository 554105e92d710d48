using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Dossiers;

public sealed class DossierCodeTests
{
    private const string Agency = "000.32.30.H49";

    [Theory]
    [InlineData("000.32.30.H49-231120-0012", "000.32.30.H49-231120-0012")]
    [InlineData("000.32.30.h49-231120-0012", "000.32.30.H49-231120-0012")]
    [InlineData("  000.32.30.H49 - 231120 - 0012 ", "000.32.30.H49-231120-0012")]
    [InlineData("0003230H49-231120-0012", "000.32.30.H49-231120-0012")]
    [InlineData("000 32 30 h49 231120 0012", "000.32.30.H49-231120-0012")]
    [InlineData("231120-0012", "000.32.30.H49-231120-0012")]
    [InlineData("231120 0012", "000.32.30.H49-231120-0012")]
    [InlineData("2311200012", "000.32.30.H49-231120-0012")]
    [InlineData("000.32.30.H49–231120–0012", "000.32.30.H49-231120-0012")]
    [InlineData("２３１１２０－００１２", "000.32.30.H49-231120-0012")]
    [InlineData("000.00.00.H49-261126-0001", "000.00.00.H49-261126-0001")]
    [InlineData("ho so 000.32.30.H49-261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("hồ sơ 000.32.30.H49-261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("Hồ sơ: 261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("mã 261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("Mã: 000.32.30.H49-261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("ma ho so 261127 0005", "000.32.30.H49-261127-0005")]
    [InlineData("mã hồ sơ 0003230h49 261127 0005", "000.32.30.H49-261127-0005")]
    [InlineData("MA HO SO: 000.32.30.H49 261127 0005", "000.32.30.H49-261127-0005")]
    [InlineData("hoso2611270005", "000.32.30.H49-261127-0005")]
    [InlineData("so 261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("mã số hồ sơ 261127_0005", "000.32.30.H49-261127-0005")]
    [InlineData("#261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("000.32.30.h49 — 261127 — 0005", "000.32.30.H49-261127-0005")]
    [InlineData("000.32.30.H49261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("000.32.30.H49-2611270005", "000.32.30.H49-261127-0005")]
    public void Codes_are_read_as_residents_type_them(string input, string expected)
    {
        Assert.True(DossierCode.TryNormalize(input, Agency, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hồ sơ của tôi")]
    [InlineData("231320-0012")]
    [InlineData("230230-0012")]
    [InlineData("231120-0000")]
    [InlineData("231120-12")]
    [InlineData("231120-00123")]
    [InlineData("000.32.30.H49-231120")]
    [InlineData("Đ.32-231120-0012")]
    [InlineData("000..32-231120-0012")]
    [InlineData("🙂🙂🙂")]
    [InlineData("231120-0012🙂")]
    [InlineData("'; DROP TABLE dossiers; --")]
    public void Malformed_codes_are_refused(string? input)
    {
        Assert.False(DossierCode.TryNormalize(input, Agency, out var code));
        Assert.Equal(string.Empty, code);
    }

    [Theory]
    [InlineData("cho hỏi hồ sơ 261127-0005 xong chưa", "000.32.30.H49-261127-0005")]
    [InlineData("ho so 000.32.30.H49-261127-0005 cua toi sao roi", "000.32.30.H49-261127-0005")]
    [InlineData("tra cứu mã hồ sơ 000.32.30.H49 - 261127 - 0005 giúp em", "000.32.30.H49-261127-0005")]
    [InlineData("mã hs: 2611270005 nhé", "000.32.30.H49-261127-0005")]
    [InlineData("hs 0003230H49-261127-0005 đã có kết quả chưa", "000.32.30.H49-261127-0005")]
    [InlineData("e hoi ma 261127 0005 a", "000.32.30.H49-261127-0005")]
    [InlineData("hồ sơ 000.00.00.H49-261126-0001 của mẹ em", "000.00.00.H49-261126-0001")]
    [InlineData("ma so:261127-0005.", "000.32.30.H49-261127-0005")]
    [InlineData("sdt 0912345678, hồ sơ 261127-0005", "000.32.30.H49-261127-0005")]
    [InlineData("HỒ SƠ 261127–0005", "000.32.30.H49-261127-0005")]
    public void Codes_are_found_inside_a_message(string text, string expected)
    {
        Assert.True(DossierCode.TryFind(text, Agency, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("tôi muốn hỏi làm giấy khai sinh")]
    [InlineData("số điện thoại em 0912345678")]
    [InlineData("hồ sơ 261327-0005")]
    [InlineData("261127-00051")]
    [InlineData("1261127-0005")]
    [InlineData("261127-0005abc")]
    [InlineData("ngày 26/11/2027")]
    public void Messages_without_a_well_formed_code_have_none(string text)
    {
        Assert.False(DossierCode.TryFind(text, Agency, out var code));
        Assert.Equal(string.Empty, code);
    }

    [Theory]
    [InlineData("261127-000", true)]
    [InlineData("ho so 000.32.30.H49-261327-0005", true)]
    [InlineData("0912345678", true)]
    [InlineData("hồ sơ của tôi", false)]
    [InlineData("tra cứu hồ sơ", false)]
    [InlineData("làm khai sinh mất mấy ngày", false)]
    [InlineData("em hỏi ma ho so o dau, em co so 123456 ma khong thay", false)]
    public void Only_code_shaped_messages_are_attempts(string text, bool attempt) =>
        Assert.Equal(attempt, DossierCode.LooksLikeCode(text));

    [Theory]
    [InlineData('1')]
    [InlineData('.')]
    [InlineData(' ')]
    public void A_megabyte_message_is_scanned_in_one_pass(char filler)
    {
        var text = string.Concat(Enumerable.Repeat("123456" + filler, 150_000)) + " 261127-0005";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(DossierCode.TryFind(text, Agency, out var code));
        Assert.Equal("000.32.30.H49-261127-0005", code);
        // Linear time is milliseconds here; a backtracking or quadratic scan takes minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Fact]
    public void A_huge_input_is_refused()
    {
        Assert.False(DossierCode.TryNormalize(new string('1', 1_000_000), Agency, out _));
    }

    [Fact]
    public void Codes_are_formatted_with_the_day_and_four_digit_sequence()
    {
        Assert.Equal("000.32.30.H49-261126-0007", DossierCode.Format(Agency, new DateOnly(2026, 11, 26), 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Format(Agency, new DateOnly(2026, 11, 26), 10_000));
        Assert.True(DossierCode.TryNormalize(DossierCode.Example(Agency), Agency, out _));
    }
}
