using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Dossiers;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("0912345621", "09******21")]
    [InlineData("0351234599", "03******99")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Phones_are_masked(string? phone, string masked)
    {
        Assert.Equal(masked, Masking.Phone(phone));
    }

    [Theory]
    [InlineData("001234567889", "0*********89")]
    [InlineData("12345", "*****")]
    [InlineData(null, "")]
    public void Citizen_ids_are_masked(string? id, string masked)
    {
        Assert.Equal(masked, Masking.CitizenId(id));
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("(+84) 35-123-4567", "0351234567")]
    public void Phones_are_normalised(string input, string expected)
    {
        Assert.True(PersonalNumbers.TryNormalizePhone(input, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("091234567")]
    [InlineData("09123456789")]
    [InlineData("0212345678")]
    [InlineData("số của tôi")]
    [InlineData("📞0912345678")]
    [InlineData("0912345678 0912345678 0912345678 0912345678")]
    public void Bad_phones_are_refused(string? input)
    {
        Assert.False(PersonalNumbers.TryNormalizePhone(input, out _));
    }

    [Theory]
    [InlineData("001234567889", true)]
    [InlineData("0012 3456 7889", true)]
    [InlineData("00123456788", false)]
    [InlineData("00123456788a", false)]
    [InlineData("", false)]
    public void Citizen_ids_need_twelve_digits(string input, bool valid)
    {
        Assert.Equal(valid, PersonalNumbers.TryNormalizeCitizenId(input, out _));
    }
}
