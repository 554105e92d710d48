using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Dossiers;

public class PersonNameTests
{
    [Theory]
    [InlineData("hồ thị lan", "Hồ Thị Lan")]
    [InlineData("  NGUYỄN   VĂN   an ", "Nguyễn Văn An")]
    [InlineData("h'hen niê", "H'Hen Niê")]
    [InlineData("Alăng Thị Hoa", "Alăng Thị Hoa")]
    [InlineData("Trần T. Mai", "Trần T. Mai")]
    [InlineData("lê-văn đức", "Lê-Văn Đức")]
    [InlineData("O’Brien", "O'Brien")]
    [InlineData("Иван Петров", "Иван Петров")]
    [InlineData("李小龙", "李小龙")]
    public void A_name_of_any_script_is_kept_title_cased(string typed, string kept)
    {
        Assert.True(PersonName.TryNormalize(typed, out var name, out var reason), reason.ToString());
        Assert.Equal(PersonNameProblem.None, reason);
        Assert.Equal(kept, name);
    }

    [Fact]
    public void A_decomposed_name_is_stored_composed()
    {
        var decomposed = "ho\u0302\u0300 thi\u0323 lan";
        Assert.True(PersonName.TryNormalize(decomposed, out var name, out _));
        Assert.Equal("Hồ Thị Lan", name);
    }

    [Theory]
    [InlineData("", PersonNameProblem.Empty)]
    [InlineData("   ", PersonNameProblem.Empty)]
    [InlineData("Lan 2", PersonNameProblem.HasDigits)]
    [InlineData("000.32.30.H49-261126-0001", PersonNameProblem.HasDigits)]
    [InlineData("<script>alert(1)</script>", PersonNameProblem.HasOther)]
    [InlineData("Lan\u202Egnaig", PersonNameProblem.HasOther)]
    [InlineData("Lan\u200Bx", PersonNameProblem.HasOther)]
    [InlineData("Lan\u0007", PersonNameProblem.HasOther)]
    [InlineData("Lan 😀", PersonNameProblem.HasOther)]
    [InlineData("'--..", PersonNameProblem.HasOther)]
    [InlineData("Lan @ Hoa", PersonNameProblem.HasOther)]
    public void Anything_else_is_refused_with_its_reason(string typed, PersonNameProblem reason)
    {
        Assert.False(PersonName.TryNormalize(typed, out var name, out var given));
        Assert.Equal(reason, given);
        Assert.Empty(name);
    }

    [Fact]
    public void Stacked_combining_marks_and_overlong_names_are_refused()
    {
        Assert.Equal(PersonNameProblem.HasOther, Refusal("La" + new string('\u0301', 99) + "n"));
        Assert.Equal(PersonNameProblem.TooLong, Refusal(string.Join(' ', Enumerable.Repeat("Lan", 26))));
        Assert.Equal(PersonNameProblem.TooLong, Refusal(new string('a', 1_000_000)));
        Assert.True(PersonName.TryNormalize(string.Join(' ', Enumerable.Repeat("Lan", 25)), out _, out _));
    }

    private static PersonNameProblem Refusal(string typed)
    {
        Assert.False(PersonName.TryNormalize(typed, out _, out var reason));
        return reason;
    }
}
