using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Tests.Procedures;

/// <summary>
/// Follow-ups after a first answer, as residents type them: each row is a first question, a follow-up, and the
/// procedure and aspect the follow-up must be answered about.
/// </summary>
public sealed class FollowUpTableTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string, string, string, ProcedureAspect> Rows => new()
    {
        { "đăng ký khai sinh cho con", "còn phí thì sao?", "khai-sinh", ProcedureAspect.Fee },
        { "đăng ký khai sinh cho con", "con giay to thi sao", "khai-sinh", ProcedureAspect.Documents },
        { "đăng ký khai sinh cho con", "phí?", "khai-sinh", ProcedureAspect.Fee },
        { "đăng ký khai sinh cho con", "rứa phí răng", "khai-sinh", ProcedureAspect.Fee },
        { "đăng ký khai sinh cho con", "hết bao nhiêu", "khai-sinh", ProcedureAspect.Fee },
        { "đăng ký khai sinh cho con", "mất mấy ngày", "khai-sinh", ProcedureAspect.Time },
        { "đăng ký khai sinh cho con", "làm online được không", "khai-sinh", ProcedureAspect.Online },
        { "đăng ký khai sinh cho con", "nộp ở mô", "khai-sinh", ProcedureAspect.Where },
        { "đăng ký khai sinh cho con", "con thoi gian bao lau", "khai-sinh", ProcedureAspect.Time },
        { "đăng ký khai sinh cho con", "lam tren mang duoc ko", "khai-sinh", ProcedureAspect.Online },
        { "đăng ký kết hôn", "phí bao nhiêu", "ket-hon", ProcedureAspect.Fee },
        { "đăng ký kết hôn", "bao lâu thì trả lời", "ket-hon", ProcedureAspect.Time },
        { "đăng ký kết hôn", "con le phi", "ket-hon", ProcedureAspect.Fee },
        { "đăng ký kết hôn", "cần mang giấy gì", "ket-hon", ProcedureAspect.Documents },
        { "đăng ký kết hôn", "có mất tiền không", "ket-hon", ProcedureAspect.Fee },
        { "đăng ký kết hôn", "làm ở đâu", "ket-hon", ProcedureAspect.Where },
        { "đăng ký kết hôn", "nop qua mang duoc khong", "ket-hon", ProcedureAspect.Online },
        { "đăng ký kết hôn", "mấy hôm thì xong", "ket-hon", ProcedureAspect.Time },
        { "đăng ký kết hôn", "còn giấy tờ?", "ket-hon", ProcedureAspect.Documents },
        { "lam giay khai tu cho ba", "het bao nhieu tien", "khai-tu", ProcedureAspect.Fee },
        { "lam giay khai tu cho ba", "mat may ngay", "khai-tu", ProcedureAspect.Time },
        { "lam giay khai tu cho ba", "can giay gi", "khai-tu", ProcedureAspect.Documents },
        { "lam giay khai tu cho ba", "nop o dau", "khai-tu", ProcedureAspect.Where },
        { "chứng thực bản sao giấy tờ", "bao nhiêu tiền", "chung-thuc-ban-sao", ProcedureAspect.Fee },
        { "chứng thực bản sao giấy tờ", "mất bao lâu", "chung-thuc-ban-sao", ProcedureAspect.Time },
        { "chứng thực bản sao giấy tờ", "mang theo gì", "chung-thuc-ban-sao", ProcedureAspect.Documents },
        { "đăng ký thường trú", "con phi?", "thuong-tru", ProcedureAspect.Fee },
        { "đăng ký thường trú", "làm trực tuyến được không", "thuong-tru", ProcedureAspect.Online },
        { "đăng ký thường trú", "mất bao lâu", "thuong-tru", ProcedureAspect.Time },
        { "đăng ký thường trú", "cần những giấy gì", "thuong-tru", ProcedureAspect.Documents },
        { "xin trợ cấp xã hội cho mẹ già", "hết bao nhiêu", "tro-cap-xa-hoi", ProcedureAspect.Fee },
        { "xin trợ cấp xã hội cho mẹ già", "bao lâu thì có", "tro-cap-xa-hoi", ProcedureAspect.Time },
        { "xin trợ cấp xã hội cho mẹ già", "ai được hưởng", "tro-cap-xa-hoi", ProcedureAspect.WhoQualifies },
        { "xin trợ cấp xã hội cho mẹ già", "nhờ người khác đi thay được không", "tro-cap-xa-hoi", ProcedureAspect.Proxy },
        { "xin hỗ trợ mai táng phí", "ai được hưởng", "mai-tang-phi", ProcedureAspect.WhoQualifies },
        { "xin hỗ trợ mai táng phí", "cần giấy gì", "mai-tang-phi", ProcedureAspect.Documents },
        { "xin hỗ trợ mai táng phí", "mất mấy ngày", "mai-tang-phi", ProcedureAspect.Time },
        { "làm thẻ bảo hiểm y tế cho con", "điều kiện thế nào", "bhyt", ProcedureAspect.WhoQualifies },
        { "làm thẻ bảo hiểm y tế cho con", "có mất tiền không", "bhyt", ProcedureAspect.Fee },
        { "làm thẻ bảo hiểm y tế cho con", "nộp ở mô", "bhyt", ProcedureAspect.Where },
        { "xin xác nhận hộ nghèo", "ai được công nhận", "ho-ngheo", ProcedureAspect.WhoQualifies },
        { "xin xác nhận hộ nghèo", "mất bao lâu", "ho-ngheo", ProcedureAspect.Time },
        { "đăng ký khai sinh cho con", "một mình đi được không", "khai-sinh", ProcedureAspect.Proxy },
        { "đăng ký khai sinh cho con", "nhờ người nhà đi làm hộ được không", "khai-sinh", ProcedureAspect.Proxy },
        { "đăng ký kết hôn", "nhờ người khác nộp thay được không", "ket-hon", ProcedureAspect.Proxy },
        { "đăng ký khai sinh cho con", "chừ mần răng", "khai-sinh", ProcedureAspect.Steps },
        { "đăng ký kết hôn", "các bước làm thế nào", "ket-hon", ProcedureAspect.Steps },
        { "hòa giải tranh chấp đất đai", "mất bao lâu", "hoa-giai-dat-dai", ProcedureAspect.Time },
        { "hòa giải tranh chấp đất đai", "có tốn phí không", "hoa-giai-dat-dai", ProcedureAspect.Fee },
        { "đăng ký tạm trú", "mất mấy ngày", "tam-tru", ProcedureAspect.Time },
        { "đăng ký tạm trú", "con phi thi sao", "tam-tru", ProcedureAspect.Fee },
        { "đăng ký tạm trú", "làm trên điện thoại được không", "tam-tru", ProcedureAspect.Online },
        { "đăng ký tạm trú", "nộp ở đâu", "tam-tru", ProcedureAspect.Where },
        { "làm căn cước cho con", "bao lâu thì có", "can-cuoc", ProcedureAspect.Time },
        { "làm căn cước cho con", "nhờ người khác đi thay được không", "can-cuoc", ProcedureAspect.Proxy },
        { "xin trích lục khai sinh", "nhờ người nhà đi lấy hộ được không", "trich-luc-ho-tich", ProcedureAspect.Proxy },
        { "xin trích lục khai sinh", "hết bao nhiêu tiền", "trich-luc-ho-tich", ProcedureAspect.Fee },
        { "xin trích lục khai sinh", "mất bao lâu", "trich-luc-ho-tich", ProcedureAspect.Time },
        { "đăng ký nghĩa vụ quân sự", "nhờ người đi thay được không", "nghia-vu-quan-su", ProcedureAspect.Proxy },
        { "đăng ký nghĩa vụ quân sự", "mất mấy ngày", "nghia-vu-quan-su", ProcedureAspect.Time },
        { "xác nhận khuyết tật", "bao lâu thì có kết quả", "xac-nhan-khuyet-tat", ProcedureAspect.Time },
        { "xác nhận khuyết tật", "can giay to gi", "xac-nhan-khuyet-tat", ProcedureAspect.Documents },
        { "xác nhận khuyết tật", "ai được xác nhận", "xac-nhan-khuyet-tat", ProcedureAspect.WhoQualifies },
        { "xin xác nhận tình trạng hôn nhân", "mất mấy ngày", "xac-nhan-hon-nhan", ProcedureAspect.Time },
        { "xin xác nhận tình trạng hôn nhân", "con le phi", "xac-nhan-hon-nhan", ProcedureAspect.Fee },
        { "chứng thực chữ ký", "phí bao nhiêu", "chung-thuc-chu-ky", ProcedureAspect.Fee },
        { "chứng thực chữ ký", "lam online duoc khong", "chung-thuc-chu-ky", ProcedureAspect.Online },
        { "cải chính hộ tịch", "cần giấy tờ gì", "cai-chinh-ho-tich", ProcedureAspect.Documents },
        { "cải chính hộ tịch", "bao lâu", "cai-chinh-ho-tich", ProcedureAspect.Time },
        { "xin hỗ trợ mai táng phí", "ai được hưởng hỗ trợ", "mai-tang-phi", ProcedureAspect.WhoQualifies },
        { "xin hỗ trợ mai táng phí", "người khác nộp thay được không", "mai-tang-phi", ProcedureAspect.Proxy },
        { "xin xác nhận hộ nghèo", "điều kiện là gì", "ho-ngheo", ProcedureAspect.WhoQualifies },
        { "xin xác nhận hộ nghèo", "nộp qua mạng được không", "ho-ngheo", ProcedureAspect.Online },
        { "làm thẻ bảo hiểm y tế cho con", "ai được cấp miễn phí", "bhyt", ProcedureAspect.WhoQualifies },
        { "gửi phản ánh kiến nghị", "bao lâu thì trả lời", "phan-anh-kien-nghi", ProcedureAspect.Time },
        { "gửi phản ánh kiến nghị", "có mất phí không", "phan-anh-kien-nghi", ProcedureAspect.Fee },
        { "đăng ký giám hộ", "cần mang theo gì", "giam-ho", ProcedureAspect.Documents },
        { "đăng ký nhận cha con", "mất mấy ngày", "nhan-cha-me-con", ProcedureAspect.Time },
        { "đăng ký khai sinh cho con", "tui đi một mình được không", "khai-sinh", ProcedureAspect.Proxy },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_follow_up_is_answered_about_the_procedure_in_context(string first, string followUp, string id, ProcedureAspect aspect)
    {
        var procedure = harness.Get<ProcedureCatalog>().Find(id)!;
        var expected = ProcedureAnswers.FactOf(procedure, aspect);
        var answer = await harness.SayAsync(first);
        Assert.StartsWith(procedure.SimpleName, harness.Plain(answer[0].Text), StringComparison.Ordinal);

        var reply = harness.Plain((await harness.SayAsync(followUp))[0].Text);
        Assert.StartsWith(procedure.SimpleName, reply, StringComparison.Ordinal);
        Assert.Contains(expected, reply, StringComparison.Ordinal);
    }
}
