namespace OneStopBot.Bot.Hosting;

/// <summary>
/// The titles and details of the host's error answers (ProblemDetails), read by office staff and by the people who
/// connect the office's other systems: in Vietnamese, with the API's own names (fields, headers, media types) as they
/// are. {0}, {1}: the values in the order each text names them.
/// </summary>
public static class ProblemTexts
{
    public const string BodyTooLarge = "Nội dung lớn hơn {0} byte.";
    public const string CsvRequired = "Nội dung phải là CSV (Content-Type: text/csv).";
    public const string JsonRequired = "Nội dung phải là JSON (Content-Type: application/json).";
    public const string EmptyBody = "Nội dung trống.";
    public const string BodyNotReceived = "Không nhận được trọn nội dung yêu cầu (gửi quá chậm hoặc bị ngắt); xin gửi lại.";
    public const string InvalidJson = "Nội dung không phải JSON đúng cho yêu cầu này.";
    public const string InvalidJsonAt = "Nội dung không phải JSON đúng cho yêu cầu này (chỗ sai: {0}).";
    public const string DateFormat = "Ngày viết theo dạng yyyy-MM-dd, ví dụ 2026-11-30.";
    public const string DateRange = "Ngày phải trong các năm {0} đến {1}.";
    public const string DossierNotFoundTitle = "Không tìm thấy hồ sơ";
    public const string DossierNotFound = "Không có hồ sơ nào mã '{0}'.";
    public const string UnknownCommuneTitle = "Không có xã này";
    /// <summary>{0}: the commune Id asked for.</summary>
    public const string UnknownCommune = "Không có xã nào mã '{0}'.";
    public const string CommuneRequiredTitle = "Cần cho biết xã";
    /// <summary>{0}: the communes' Ids.</summary>
    public const string CommuneRequired = "Hệ thống phục vụ nhiều xã: thêm ?commune= với mã một xã ({0}).";
    public const string QuestionCount = "Tham số count phải từ 1 đến {0}.";
    public const string NoticeBodyRequired = "Cần nội dung JSON dạng {\"text\":…,\"village\":…|null}.";
    public const string InvalidFieldTitle = "Trường \"{0}\" chưa đúng";
    public const string NoticeNotFound = "Không có thông báo số {0}.";
    public const string ProcedureNotFound = "Không có thủ tục mã \"{0}\".";
    public const string TooManyApiKeys = "Địa chỉ này đã nhập sai khóa API quá nhiều lần; xin thử lại sau.";
    public const string TooManyRequests = "Địa chỉ này gửi quá nhiều yêu cầu; xin thử lại sau một phút.";
    public const string InvokeNotHandledTitle = "Yêu cầu không được hỗ trợ";
    public const string InvokeNotHandled = "Bot không xử lý hoạt động invoke ('{0}').";
    public const string ZaloSignatureRequired = "Cần tiêu đề {0} hợp lệ.";
    public const string ZaloStaleEvent = "Thời điểm của sự kiện đã quá cũ hoặc ở tương lai.";
    public const string ZaloBusy = "Đang có quá nhiều tin nhắn chờ xử lý; xin thử lại sau ít phút.";
    public const string ZaloNotObject = "Nội dung không phải một đối tượng JSON.";
    public const string ZaloNotJson = "Nội dung không phải JSON đúng.";
    public const string HostNotAllowedTitle = "Tên miền không được phục vụ";
    public const string HostNotAllowed = "Máy chủ không phục vụ tên miền (tiêu đề Host) của yêu cầu này. Xin mở trang bằng địa chỉ chính thức của xã; "
        + "người quản trị thêm tên miền vào AllowedHosts hoặc WebChat:PublicUrl trong appsettings.json.";
    public const string ZaloIncomplete = "Sự kiện cần có event_name và timestamp.";
}
