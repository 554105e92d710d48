using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Tests.Text;

public sealed class SoundAlikeTests
{
    [Theory]
    [InlineData("trứng", "chứng")]
    [InlineData("sác", "xác")]
    [InlineData("dờ", "giờ")]
    [InlineData("rồi", "dồi")]
    [InlineData("về", "dề")]
    [InlineData("bảng", "bản")]
    [InlineData("mấc", "mất")]
    [InlineData("tìn", "tình")]
    [InlineData("sữa", "sửa")]
    [InlineData("TRỨNG", "chứng")]
    [InlineData("xống", "sống")]
    [InlineData("chễ", "trễ")]
    [InlineData("dúp", "giúp")]
    [InlineData("lêng", "lên")]
    [InlineData("đấc", "đất")]
    [InlineData("chín", "chính")]
    [InlineData("giử", "giữ")]
    [InlineData("đả", "đã")]
    [InlineData("nàm", "làm")]
    [InlineData("lộp", "nộp")]
    public void Sounds_that_merge_in_central_and_southern_speech_share_a_key(string typed, string meant)
    {
        Assert.Equal(SoundAlike.Key(meant), SoundAlike.Key(typed));
    }

    [Theory]
    [InlineData("khai", "khái")]
    [InlineData("sinh", "sinh")]
    public void The_key_keeps_what_the_accents_do_not_merge(string a, string b)
    {
        Assert.Equal(SoundAlike.Key(a), SoundAlike.Key(b));
        Assert.NotEqual(SoundAlike.Key("sinh"), SoundAlike.Key("tinh"));
        Assert.NotEqual(SoundAlike.Key("khai"), SoundAlike.Key("hai"));
    }

    [Theory]
    [InlineData("chuwngs", "chung")]
    [InlineData("thuwcj", "thuc")]
    [InlineData("giaays", "giay")]
    [InlineData("towf", "to")]
    [InlineData("tuwr", "tu")]
    [InlineData("ddaau", "dau")]
    [InlineData("đươcccc", "duoc")]
    [InlineData("ơiiii", "oi")]
    [InlineData("KHOONG", "khong")]
    [InlineData("chu7ng1", "chung")]
    [InlineData("thu7c5", "thuc")]
    [InlineData("d9a8ng", "dang")]
    [InlineData("tu73", "tu")]
    [InlineData("o73", "o")]
    [InlineData("d9a6u", "dau")]
    public void Telex_and_VNI_keys_and_held_letters_are_read_as_the_syllable_meant(string typed, string folded)
    {
        Assert.Equal(folded, SoundAlike.FromKeyboard(typed.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("chung")]
    [InlineData("khai")]
    [InlineData("ngày")]
    [InlineData("30")]
    [InlineData("h49")]
    [InlineData("a10")]
    [InlineData("2026")]
    public void A_word_with_no_keyboard_key_is_left_alone(string word)
    {
        Assert.Null(SoundAlike.FromKeyboard(word));
    }

    [Theory]
    [InlineData("c4n", "can")]
    [InlineData("cu0c", "cuoc")]
    [InlineData("b40", "bao")]
    [InlineData("nh13u", "nhieu")]
    [InlineData("x1n", "xin")]
    [InlineData("NGH30", "ngheo")]
    public void Digits_typed_for_the_letters_they_look_like_are_read_as_those_letters(string typed, string folded)
    {
        Assert.Equal(folded, SoundAlike.FromLookAlikeDigits(typed));
        Assert.NotEqual(folded, SoundAlike.FromKeyboard(typed.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("chu7ng1")]
    [InlineData("2026")]
    [InlineData("17t")]
    [InlineData("khai")]
    public void VNI_marks_numbers_and_plain_words_have_no_look_alike_reading(string word)
    {
        Assert.Null(SoundAlike.FromLookAlikeDigits(word));
    }
}
