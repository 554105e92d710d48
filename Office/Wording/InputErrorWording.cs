using System.Globalization;
using OneStopBot.Office.Notices;

namespace OneStopBot.Office.Wording;

/// <summary>The Vietnamese wording of <see cref="InputError"/>, for residents and staff in chat and in the staff API.</summary>
public static class InputErrorWording
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Message(this InputError error) => error.Problem switch
    {
        InputProblem.Empty => InputErrorTexts.Empty,
        InputProblem.TooLong => string.Format(Vietnamese, InputErrorTexts.TooLong, error.Length, error.Limit),
        InputProblem.UnknownVillage => string.Format(Vietnamese, InputErrorTexts.UnknownVillage,
            error.Given, string.Join(", ", error.Choices ?? [])),
        _ => string.Format(Vietnamese, InputErrorTexts.UnknownReference, error.Given),
    };
}

/// <summary>Texts of <see cref="InputErrorWording"/>.</summary>
public static class InputErrorTexts
{
    public const string Empty = "Nội dung đang trống. Anh/chị vui lòng nhập nội dung.";
    /// <summary>{0}: the length typed, {1}: the limit.</summary>
    public const string TooLong = "Nội dung dài {0:N0} ký tự, quá giới hạn {1:N0} ký tự. Anh/chị vui lòng rút gọn.";
    /// <summary>{0}: the village typed, {1}: the configured villages.</summary>
    public const string UnknownVillage = "Không có \"{0}\" trong danh sách thôn: {1}. Anh/chị vui lòng chọn lại.";
    /// <summary>{0}: the reference typed.</summary>
    public const string UnknownReference = "Không tìm thấy câu hỏi mã \"{0}\". Anh/chị kiểm tra lại mã, ví dụ: /traloi H7K2 nội dung.";
}
