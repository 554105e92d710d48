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
