using OneStopBot.Dialogs.Prompts;

namespace OneStopBot.Dialogs.Tests.Prompts;

public class RecognizerTests
{
    private static readonly string[] Villages = ["Thôn Trung Tâm", "Thôn A Dớt", "Thôn Pa Lai"];

    [Theory]
    [InlineData("2", 1)]
    [InlineData("số 3", 2)]
    [InlineData("Thôn A Dớt", 1)]
    [InlineData("thon a dot", 1)]
    [InlineData("pa lai", 2)]
    [InlineData("  THÔN TRUNG TÂM ", 0)]
    [InlineData("thôn pa lai ạ", 2)]
    public void Choice_is_found_by_number_label_or_part_of_label(string text, int expected)
    {
        var result = ChoiceRecognizer.Recognize(text, Villages);
        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value.Index);
        Assert.Equal(Villages[expected], result.Value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("thôn")]
    [InlineData("hà nội")]
    [InlineData("😀")]
    public void Choice_that_is_not_one_of_the_list_is_refused(string text) =>
        Assert.False(ChoiceRecognizer.Recognize(text, Villages).Succeeded);

    [Theory]
    [InlineData("có", true)]
    [InlineData("co", true)]
    [InlineData("ừ", true)]
    [InlineData("uh", true)]
    [InlineData("ok", true)]
    [InlineData("OK!", true)]
    [InlineData("đúng", true)]
    [InlineData("đúng rồi", true)]
    [InlineData("vâng", true)]
    [InlineData("dạ", true)]
    [InlineData("có ạ", true)]
    [InlineData("không", false)]
    [InlineData("khong", false)]
    [InlineData("ko", false)]
    [InlineData("k", false)]
    [InlineData("thôi", false)]
    [InlineData("dạ không", false)]
    [InlineData("không đúng", false)]
    [InlineData("chưa", false)]
    public void Confirm_understands_yes_and_no(string text, bool expected)
    {
        var result = ConfirmRecognizer.Recognize(text);
        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("mai")]
    [InlineData("🙂")]
    public void Confirm_refuses_what_is_neither(string text) => Assert.False(ConfirmRecognizer.Recognize(text).Succeeded);

    // Today is Thursday 26/11/2026.
    [Theory]
    [InlineData("hôm nay", "2026-11-26")]
    [InlineData("hom nay", "2026-11-26")]
    [InlineData("mai", "2026-11-27")]
    [InlineData("ngày mai", "2026-11-27")]
    [InlineData("ngay mai", "2026-11-27")]
    [InlineData("mốt", "2026-11-28")]
    [InlineData("ngày kia", "2026-11-28")]
    [InlineData("thứ hai", "2026-11-30")]
    [InlineData("thu hai", "2026-11-30")]
    [InlineData("thứ 2", "2026-11-30")]
    [InlineData("t6", "2026-11-27")]
    [InlineData("thứ năm", "2026-12-03")]
    [InlineData("chủ nhật", "2026-11-29")]
    [InlineData("thứ sáu tuần sau", "2026-12-04")]
    [InlineData("25/12", "2026-12-25")]
    [InlineData("25/12/2026", "2026-12-25")]
    [InlineData("25-12-2026", "2026-12-25")]
    [InlineData("5/1", "2027-01-05")]
    [InlineData("1/12/26", "2026-12-01")]
    [InlineData("ngày 3 tháng 12", "2026-12-03")]
    [InlineData("em đến ngày 2/12 được không", "2026-12-02")]
    public void Date_as_residents_write_it(string text, string expected)
    {
        var result = DateRecognizer.Recognize(text, new DateOnly(2026, 11, 26));
        Assert.True(result.Succeeded);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("31/2")]
    [InlineData("32/12/2026")]
    [InlineData("25/13")]
    [InlineData("lúc nào cũng được")]
    public void Date_refuses_impossible_or_missing_days(string text) =>
        Assert.False(DateRecognizer.Recognize(text, new DateOnly(2026, 11, 26)).Succeeded);

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0387654321", "0387654321")]
    public void Phone_is_normalised(string text, string expected)
    {
        var result = PhoneRecognizer.Recognize(text);
        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("091234567")]
    [InlineData("09123456789")]
    [InlineData("0212345678")]
    [InlineData("abc")]
    [InlineData("0912-345-67a")]
    public void Phone_refuses_what_is_not_a_mobile_number(string text) => Assert.False(PhoneRecognizer.Recognize(text).Succeeded);

    [Theory]
    [InlineData("001234567890", "001234567890")]
    [InlineData("001 234 567 890", "001234567890")]
    public void Citizen_id_has_twelve_digits(string text, string expected)
    {
        var result = CitizenIdRecognizer.Recognize(text);
        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    public void Citizen_id_refuses_other_lengths(string text) => Assert.False(CitizenIdRecognizer.Recognize(text).Succeeded);
}
