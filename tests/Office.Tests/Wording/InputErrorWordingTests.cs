using OneStopBot.Office.Notices;
using OneStopBot.Office.Wording;

namespace OneStopBot.Office.Tests.Wording;

public sealed class InputErrorWordingTests
{
    [Fact]
    public void Each_problem_is_told_with_what_was_typed()
    {
        Assert.Equal("Nội dung đang trống. Anh/chị vui lòng nhập nội dung.",
            NoticeService.ValidateText("  ")!.Message());
        Assert.Equal("Nội dung dài 2.001 ký tự, quá giới hạn 2.000 ký tự. Anh/chị vui lòng rút gọn.",
            NoticeService.ValidateText(new string('a', 2001))!.Message());
        Assert.Equal("Không có \"Thôn 9\" trong danh sách thôn: Thôn 1, Thôn 2. Anh/chị vui lòng chọn lại.",
            new InputError(NoticeService.VillageField, InputProblem.UnknownVillage, "Thôn 9", Choices: ["Thôn 1", "Thôn 2"]).Message());
        Assert.Equal("Không tìm thấy câu hỏi mã \"XXXX\". Anh/chị kiểm tra lại mã, ví dụ: /traloi H7K2 nội dung.",
            new InputError(NoticeService.ReferenceField, InputProblem.UnknownReference, "XXXX").Message());
    }
}
