namespace OneStopBot.Dialogs.Procedures;

/// <summary>What the bot says about procedures.</summary>
public static class ProcedureTexts
{
    public const string AskWhich = "Anh/chị muốn hỏi thủ tục gì? Anh/chị chỉ cần gõ vài chữ, ví dụ: làm giấy khai sinh.";
    public const string ChooseOne = "Anh/chị muốn hỏi thủ tục nào? Bấm một nút, hoặc gõ số.";

    /// <summary>{0}: the one procedure the understanding thinks of.</summary>
    public const string ConfirmOne = "Có phải anh/chị hỏi về: {0}? Bấm nút bên dưới.";
    /// <summary>{0}: the likeliest procedure, named so that a typed "đúng" is clearly yes to it.</summary>
    public const string ConfirmSeveral = "Có phải anh/chị hỏi về: {0}? Nếu là thủ tục khác, anh/chị bấm một nút bên dưới.";
    public const string NotThis = "Không phải";
    public const string Stopped = "Dạ, em dừng ở đây. Khi nào cần hỏi thêm thì anh/chị cứ nhắn em nhé.";

    public const string Condolence = "Em xin thành kính chia buồn cùng gia đình. Em chỉ anh/chị cách làm giấy khai tử cho người đã mất.";

    /// <summary>{0}: the office phone.</summary>
    public const string NotThisAnswer =
        "Dạ, em đã ghi lại câu hỏi để cán bộ trả lời. Anh/chị gọi cán bộ một cửa số {0}, hoặc bấm \"Gặp cán bộ\".";

    public const string Documents = "Giấy tờ cần mang:";
    public const string Time = "Thời gian: ";
    public const string Fee = "Lệ phí: ";
    public const string Where = "Nộp ở đâu: ";
    public const string Online = "Làm trực tuyến: ";
    public const string Steps = "Các bước làm:";
    public const string WhoQualifies = "Ai được làm: ";
    public const string Proxy = "Nhờ người khác đi thay: ";
    public const string Deadline = "Hạn phải làm: ";
    public const string Penalty = "Nếu làm trễ: ";
    public const string Post = "Gửi qua bưu điện: ";
    public const string PostNotWritten =
        "bộ phận một cửa có nhận hồ sơ gửi qua bưu điện, nhưng thủ tục này gửi được không thì hồ sơ của xã chưa ghi. Anh/chị gọi cán bộ hỏi trước nhé.";

    // Filing online step by step (OnlineGuide in the procedure file), then the desk's help, which every one-stop desk gives.
    public const string GuideApp = "Làm trên: ";
    public const string GuidePhotograph = "Trước khi làm, anh/chị chụp rõ các giấy này bằng điện thoại:";
    public const string GuideSteps = "Các bước làm trên điện thoại:";
    public const string GuideAfter = "Sau khi gửi: ";
    public const string GuideDesk = "Không rành điện thoại thì anh/chị đến bộ phận một cửa: cán bộ giúp làm trực tuyến ngay tại chỗ.";

    // A trip that can be avoided, or made once: only the ways the procedure's file confirms.
    public const string TripIntro = "Để khỏi phải đi, hoặc chỉ đi một lần:";
    public const string TripOnline = "- Làm trực tuyến trên điện thoại, khỏi lên xã. Bấm \"Làm trực tuyến\" để xem từng bước.";
    public const string TripPost = "- Gửi qua bưu điện: ";
    public const string TripProxy = "- Nhờ người đi thay: ";
    public const string SameDayCutOff = "Nộp trước 15 giờ thì nhận kết quả trong ngày; nộp sau 15 giờ thì nhận vào ngày làm việc sau.";
    public const string TripBefore15 = "- Nộp trước 15 giờ thì xong trong ngày. Nhà xa thì đi sớm, đến trước 15 giờ.";
    public const string TripPreRegister = "- Bấm \"Nộp hồ sơ trước\": cán bộ chuẩn bị sẵn, anh/chị đi một lần là xong.";
    /// <summary>{0}: the office phone.</summary>
    public const string TripCall = "- Gọi trước cho cán bộ một cửa số {0} để hỏi cho đủ giấy tờ.";

    /// <summary>Before asking which procedure: the ways around a trip in general.</summary>
    public const string TripGeneral =
        "Nhà xa thì có mấy cách để khỏi đi, hoặc chỉ đi một lần:\n" +
        "1. Làm trực tuyến trên ứng dụng VNeID hoặc dichvucong.gov.vn, như khai sinh, khai tử, thường trú, tạm trú.\n" +
        "2. Gửi hồ sơ qua bưu điện, với thủ tục cho phép.\n" +
        "3. Nhờ người nhà đi thay, với thủ tục cho phép.\n" +
        "4. Phải đi thì đến trước 15 giờ: thủ tục làm trong ngày sẽ xong luôn.\n" +
        "5. Nộp hồ sơ trước qua tin nhắn, để cán bộ chuẩn bị sẵn.";
    public const string PostGeneral = "Bộ phận một cửa có nhận hồ sơ gửi qua bưu điện, nhưng không phải thủ tục nào cũng gửi được.";
    public const string OnlineGeneral =
        "Làm trực tuyến: dùng ứng dụng VNeID (cần tài khoản định danh điện tử mức 2), hoặc trang dichvucong.gov.vn đăng nhập bằng tài khoản VNeID. " +
        "Cán bộ một cửa giúp làm trực tuyến ngay tại chỗ.";
    public const string AskWhichForWays = "Anh/chị định làm thủ tục gì? Em chỉ cách cho thủ tục đó. Gõ vài chữ, ví dụ: khai sinh.";

    public const string NotWritten = "hồ sơ thủ tục của xã chưa ghi điều này. Anh/chị hỏi cán bộ một cửa cho chắc nhé.";

    /// <summary>{0}: pages; {1}: the amount.</summary>
    public const string PageFee = "{0} trang thì hết {1} đồng mỗi bản.";

    /// <summary>{0}: the procedure now answered about, when the conversation was about another.</summary>
    public const string NowAbout = "Dạ, bây giờ em trả lời về thủ tục: {0}.";

    /// <summary>{0}: a further procedure the same message asked about.</summary>
    public const string AlsoAbout = "Anh/chị cũng hỏi về thủ tục: {0}.";

    public const string OfficeHours = "Giờ làm việc của bộ phận một cửa: ";

    /// <summary>{0}: who receives the dossier (Công an xã…); {1}: its hours, from configuration.</summary>
    public const string HoursOf = "Giờ làm việc của {0}: {1}";

    // The liên thông group for children under 6: only what the office's facts confirm; the rest is said to be asked.
    public const string GroupWhat =
        "Trẻ dưới 6 tuổi được làm khai sinh, đăng ký thường trú và thẻ bảo hiểm y tế liên thông (chung một hồ sơ, nộp một lần).";
    public const string GroupTime = "Thời gian: cả 3 việc tối đa 3 ngày làm việc. Cần xác minh thì tối đa 5 ngày làm việc.";
    public const string GroupFee =
        "Lệ phí: khai sinh trong 60 ngày từ ngày sinh thì miễn phí. Thẻ bảo hiểm y tế của trẻ dưới 6 tuổi do Nhà nước đóng. Lệ phí thường trú khi làm liên thông, anh/chị hỏi cán bộ.";
    public const string GroupOnline = "Làm trực tuyến: được, trên dichvucong.gov.vn hoặc ứng dụng VNeID.";
    public const string GroupMore = "Giấy tờ thêm cho thường trú và thẻ bảo hiểm y tế, hồ sơ của xã chưa ghi rõ. Anh/chị hỏi cán bộ một cửa cho chắc.";

    /// <summary>{0}: the office phone.</summary>
    public const string NotFound =
        "Em chưa tìm thấy thủ tục hợp với câu hỏi này. Em đã ghi lại để cán bộ bổ sung. " +
        "Anh/chị gọi cán bộ một cửa số {0}, hoặc bấm \"Gặp cán bộ\".";

    /// <summary>{0}: the office phone.</summary>
    public const string NotCovered =
        "Dạ, việc này em chưa có hướng dẫn. Em đã ghi lại câu hỏi để cán bộ trả lời. " +
        "Anh/chị gọi cán bộ một cửa số {0}, hoặc bấm \"Gặp cán bộ\".";

    // Buttons after an answer.
    public const string DocumentsButton = "Giấy tờ cần mang";
    public const string FeeButton = "Lệ phí";
    public const string TimeButton = "Thời gian";
    public const string WhereButton = "Nộp ở đâu";
    public const string OnlineButton = "Làm trực tuyến";
    public const string WhoQualifiesButton = "Ai được làm";
    public const string ProxyButton = "Nhờ người đi thay";
    public const string PostButton = "Gửi qua bưu điện";
    public const string OtherProcedureButton = "Hỏi thủ tục khác";
}
