using System.Text;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("  Làm   GIẤY\tkhai\r\nsinh  ", "làm giấy khai sinh")]
    [InlineData("khai\u0000 sinh\u0007", "khai sinh")]
    [InlineData("\u200Bxin\u200D chào", "xin chào")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("ĐĂNG KÝ", "đăng ký")]
    public void Normalize_lowers_strips_controls_and_collapses_whitespace(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Fact]
    public void Normalize_composes_decomposed_letters()
    {
        var decomposed = "Đăng ký khai sinh".Normalize(NormalizationForm.FormD);

        var result = VietnameseText.Normalize(decomposed);

        Assert.Equal("đăng ký khai sinh", result);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Normalize_bounds_the_length_and_survives_a_cut_emoji()
    {
        var huge = string.Concat(Enumerable.Repeat("😀", 5_000));

        var result = VietnameseText.Normalize(huge + "\uD83D");

        Assert.True(result.Length <= VietnameseText.MaxLength + 1);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Đăng ký khai sinh", "Dang ky khai sinh")]
    [InlineData("chứng thực bản sao", "chung thuc ban sao")]
    [InlineData("ủy ban nhân dân xã", "uy ban nhan dan xa")]
    [InlineData("thường trú, tạm trú", "thuong tru, tam tru")]
    [InlineData("plain ascii 123", "plain ascii 123")]
    public void Fold_removes_diacritics_and_turns_d_bar_into_d(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData("đk khai sinh có mất tiền ko", "đăng ký khai sinh có mất tiền không")]
    [InlineData("dk kết hôn k", "đăng ký kết hôn không")]
    [InlineData("khum dc j", "không được gì")]
    [InlineData("hết bn tiền, làm ntn", "hết bao nhiêu tiền làm như thế nào")]
    [InlineData("sđt xã, sdt cán bộ", "số điện thoại xã số điện thoại cán bộ")]
    [InlineData("mất cccd, cmnd, gks", "mất căn cước công dân chứng minh nhân dân giấy khai sinh")]
    [InlineData("dkkh nvqs bhyt hk", "đăng ký kết hôn nghĩa vụ quân sự bảo hiểm y tế hộ khẩu")]
    [InlineData("ctbs ctck gpxd", "chứng thực bản sao chứng thực chữ ký giấy phép xây dựng")]
    [InlineData("e muon lm gcn cho vk ak", "em muon làm giấy chứng nhận cho vợ à")]
    [InlineData("hnay mk hoi kq", "hôm nay mình hoi kết quả")]
    public void Syllables_expand_teencode_and_abbreviations(string input, string expected)
    {
        Assert.Equal(expected, string.Join(' ', VietnameseText.Syllables(input)));
    }

    [Theory]
    [InlineData("làm ở mô", "làm ở đâu")]
    [InlineData("răng mà lâu rứa", "sao mà lâu thế")]
    [InlineData("cần chi", "cần gì")]
    [InlineData("giấy ni, giấy tê, giấy nớ", "giấy này giấy kia giấy đó")]
    [InlineData("được hỉ", "được nhỉ")]
    [InlineData("tui hỏi", "tôi hỏi")]
    [InlineData("chi phí mai táng", "chi phí mai táng")]
    [InlineData("bọ mạ tui", "bố mẹ tôi")]
    [InlineData("hôm ni mi hỏi chi", "hôm nay mày hỏi gì")]
    [InlineData("giấy ni", "giấy này")]
    public void Syllables_read_the_central_dialect(string input, string expected)
    {
        Assert.Equal(expected, string.Join(' ', VietnameseText.Syllables(input)));
    }

    [Fact]
    public void Syllables_split_on_punctuation_and_emoji_and_keep_a_bounded_count()
    {
        Assert.Equal(["khai", "sinh", "ở", "đâu"], VietnameseText.Syllables("khai-sinh?? ở...đâu😀"));
        Assert.Equal(VietnameseText.MaxSyllables, VietnameseText.Syllables(string.Concat(Enumerable.Repeat("a ", 500))).Count);
    }

    [Theory]
    [InlineData("sinh", "sinh", true)]
    [InlineData("sinh", "sinhh", true)]
    [InlineData("sinh", "sin", true)]
    [InlineData("sinh", "sihn", true)]
    [InlineData("sinh", "sonh", true)]
    [InlineData("sinh", "shin", false)]
    [InlineData("sinh", "si", false)]
    [InlineData("khai", "khia", true)]
    [InlineData("khai", "hkia", false)]
    public void IsWithinOneEdit_allows_one_insertion_deletion_substitution_or_swap(string a, string b, bool expected)
    {
        Assert.Equal(expected, VietnameseText.IsWithinOneEdit(a, b));
        Assert.Equal(expected, VietnameseText.IsWithinOneEdit(b, a));
    }
}
