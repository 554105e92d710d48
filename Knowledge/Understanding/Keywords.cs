using System.Collections.Frozen;
using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// The words that reveal an intent or an aspect, in folded form, as residents phrase them (standard, teencode and
/// dialect are already normalised before matching). Procedures are found by search; these rules cover the rest.
/// </summary>
internal static class Keywords
{
    public static readonly PhraseRule Unsubscribe = new(
        "khong nhan thong bao", "khong nhan tin", "khong muon nhan tin", "khong muon nhan thong bao", "huy dang ky nhan",
        "huy nhan", "huy theo doi", "thoi nhan tin", "thoi nhan thong bao", "ngung nhan", "dung nhan tin",
        "dung nhan thong bao", "bo nhan tin", "bo nhan thong bao", "khong nhan + nua", "dung gui", "ngung gui",
        "khong gui + nua", "huy dang ky thong bao", "unsubscribe");

    public static readonly PhraseRule Subscribe = new(
        "nhan thong bao", "nhan tin thong bao", "dang ky nhan tin", "theo doi thong bao", "nhan tin tuc", "nhan tin + thon",
        "gui thong bao cho toi", "bao tin cho toi", "muon nhan tin", "subscribe");

    public static readonly PhraseRule Human = new(
        "gap can bo", "gap nguoi", "nguoi that", "noi chuyen voi", "gap nhan vien", "chuyen cho can bo",
        "goi can bo", "goi cho can bo", "lien he can bo", "lien he voi can bo", "can bo tu van", "nhan vien tu van",
        "tong dai vien", "gap truc tiep", "muon gap", "hoi can bo", "cho gap", "gap chu tich", "gap lanh dao");

    public static readonly PhraseRule Feedback = new(
        "gop y", "danh gia", "hai long", "thai do", "phan nan ve can bo", "chat luong phuc vu", "phuc vu + kem",
        "phuc vu + tot", "nhan xet ve", "cham diem", "khen can bo", "y kien dong gop", "lam viec cham", "cham qua",
        "khong hai long");

    // Strong signs of a dossier lookup; they win over a procedure named in the same message.
    public static readonly PhraseRule Status = new(
        "tra cuu", "kiem tra + ho so", "ho so + den dau", "ho so + toi dau", "ho so + xong chua", "ho so + ket qua",
        "ho so + tinh trang", "ho so + the nao roi", "ho so + sao roi", "ho so + duyet chua", "ho so cua toi",
        "tinh trang ho so", "ma ho so", "ma so ho so", "theo doi ho so", "ho so + da co chua", "nop ho so + bao gio co",
        "nop ho so + khi nao co", "da nop + chua", "da nop + bao gio");

    // Weak signs: they mean a status question only when no procedure is named ("khai sinh bao giờ có kết quả" asks a time).
    public static readonly PhraseRule StatusWithoutProcedure = new(
        "bao gio co ket qua", "khi nao co ket qua", "co ket qua chua", "xong chua", "lay ket qua", "nhan ket qua chua",
        "da xong chua", "den dau roi", "toi dau roi");

    public static readonly PhraseRule Submit = new(
        "nop ho so", "dat lich", "dang ky truoc", "hen lich", "dat hen", "nop truc tuyen", "nop online", "nop qua mang",
        "muon nop", "lay so thu tu", "dang ky nop", "gui ho so", "nop giay to");

    // A question about a procedure rather than a request to do it.
    public static readonly PhraseRule Question = new(
        "khong", "chua", "gi", "dau", "nao", "sao", "bao nhieu", "bao lau", "bao gio", "may", "the nao", "ra sao");

    public static readonly PhraseRule Office = new(
        "gio lam viec", "lam viec may gio", "may gio + lam viec", "may gio mo cua", "mo cua may gio", "may gio + mo cua",
        "thu bay + lam", "chu nhat + lam", "cuoi tuan + lam", "lam viec + thu may", "gio hanh chinh", "nghi trua",
        "so dien thoai", "hotline", "dia chi", "bo phan mot cua", "mot cua + o dau", "uy ban + o dau", "xa + o dau",
        "tru so", "lien he xa", "lien lac voi xa", "lam viec + ngay le", "nghi le", "gio mo cua", "gio dong cua",
        "mo cua + may gio", "thu 7 + lam", "t7 + lam", "lam + thu 7", "lam + thu bay", "lam + chu nhat", "xa lam viec",
        "lam viec + bao gio", "lam viec + khi nao", "xa nghi", "nghi tet");

    public static readonly PhraseRule Help = new(
        "giup duoc gi", "lam duoc gi", "biet lam gi", "hoi duoc gi", "ho tro duoc gi", "menu", "huong dan su dung",
        "tro giup", "help", "chuc nang", "cach dung", "cach su dung", "ban la ai", "ban ten gi", "hoi nhung gi", "bat dau",
        "danh muc", "can giup", "giup do", "giup toi", "khong biet hoi");

    public static readonly PhraseRule Greeting = new(
        "xin chao", "chao", "alo", "a lo", "hello", "helo", "hi", "hey", "chao buoi sang", "chao buoi chieu", "cam on",
        "thank", "thanks", "tam biet", "bye");

    // Aspects, most specific first: the first that matches wins.
    public static readonly IReadOnlyList<(ProcedureAspect Aspect, PhraseRule Rule)> Aspects =
    [
        (ProcedureAspect.Online, new PhraseRule(
            "online", "truc tuyen", "qua mang", "tren mang", "dich vu cong", "vneid", "tai nha + duoc", "qua dien thoai",
            "qua internet", "lam tren dien thoai")),
        (ProcedureAspect.Fee, new PhraseRule(
            "bao nhieu tien", "mat tien", "ton tien", "le phi", "phi bao nhieu", "mat phi", "ton phi", "co phi",
            "het bao nhieu", "mien phi", "tra tien", "nop tien", "tien + khong", "gia bao nhieu", "phat", "bi phat")),
        (ProcedureAspect.Time, new PhraseRule(
            "bao lau", "may ngay", "bao nhieu ngay", "khi nao co", "bao gio co", "bao gio xong", "khi nao xong",
            "thoi gian", "thoi han", "lau khong", "lau the", "lau vay", "lau sao", "trong bao lau", "may hom", "may tuan")),
        (ProcedureAspect.Documents, new PhraseRule(
            "giay to gi", "giay gi", "can gi", "can nhung gi", "mang gi", "mang theo", "ho so gom", "can giay",
            "can nhung giay", "gom nhung gi", "chuan bi gi", "chuan bi nhung", "can mang", "giay to can", "can nhung")),
        (ProcedureAspect.Where, new PhraseRule(
            "o dau", "cho nao", "noi nao", "nop o", "lam o", "lam tai", "nop tai", "di dau", "den dau + lam",
            "o xa + duoc khong", "xa + duoc khong", "len dau")),
        (ProcedureAspect.Steps, new PhraseRule(
            "the nao", "ra sao", "lam sao", "nhu the nao", "cac buoc", "thu tuc", "cach lam", "huong dan", "phai lam gi",
            "lam gi", "sao")),
    ];

    // Words that carry no procedure: pronouns, question words, verbs of asking and doing, generic office words.
    // Written with diacritics; a syllable typed without them is compared folded.
    private static readonly string[] FillerWords =
    [
        "tôi", "tui", "em", "anh", "chị", "mình", "bạn", "ông", "bà", "cho", "hỏi", "xin", "của", "có", "không", "được",
        "thì", "là", "và", "với", "ở", "đâu", "gì", "nào", "sao", "thế", "như", "làm", "muốn", "cần", "phải", "bao",
        "nhiêu", "lâu", "mấy", "ngày", "tiền", "hết", "rồi", "chưa", "ạ", "ơi", "nhé", "nha", "này", "đó", "kia",
        "bị", "để", "trong", "ra", "lên", "đi", "về", "giờ", "cái", "những", "các", "một", "vậy", "nữa", "giấy", "tờ",
        "nộp", "hồ", "sơ", "thủ", "tục", "online", "trực", "tuyến", "mạng", "qua", "trên", "phí", "lệ", "thời", "gian",
        "tốn", "mang", "theo", "cách", "bước", "xã", "ủy", "ban", "đăng", "ký", "nhỉ", "hả", "à", "ừ",
        "ok", "vâng", "dạ", "lúc", "khi", "nay", "mai", "đến", "tới", "tại", "nơi", "chỗ", "gồm", "chuẩn", "mất",
        "hướng", "dẫn", "giúp", "ai", "bộ", "phận", "cửa", "cán", "nên", "nhiều", "lắm", "quá", "rất", "thứ", "lấy", "đặt", "lịch", "hẹn", "trước", "gửi", "sẽ", "đang", "đã", "vừa", "mà", "nếu",
        "rứa", "răng", "mô", "chi", "ni", "tê", "nớ", "hỉ", "nhờ", "xem", "biết", "tìm", "hiểu", "vẫn", "việc", "xong",
    ];

    private static readonly FrozenSet<string> FillersExact = FillerWords.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FillersFolded =
        FillerWords.Select(VietnameseText.Fold).ToFrozenSet(StringComparer.Ordinal);

    // Two-syllable words that name no procedure although one of their syllables could ("kết quả" is not "kết hôn").
    private static readonly FrozenSet<string> FillerPairs = new[]
    {
        "kết quả", "làm việc", "thông tin", "cảm ơn", "mở cửa", "chủ tịch", "lãnh đạo", "giúp đỡ", "nhân viên",
        "hôm nay", "ngày mai", "bây giờ", "bao giờ", "khi nào", "như thế", "thế nào", "tất cả", "người dân",
    }.Select(VietnameseText.Fold).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>For each syllable, whether it names no procedure: a filler word, or part of a filler pair.</summary>
    public static bool[] FillerMask(IReadOnlyList<string> syllables)
    {
        var mask = new bool[syllables.Count];
        for (var i = 0; i < syllables.Count; i++)
        {
            mask[i] |= IsFiller(syllables[i]);
            if (i + 1 < syllables.Count
                && FillerPairs.Contains($"{VietnameseText.Fold(syllables[i])} {VietnameseText.Fold(syllables[i + 1])}"))
            {
                mask[i] = mask[i + 1] = true;
            }
        }

        return mask;
    }

    /// <summary>True for a syllable that names no procedure. Without diacritics, any filler it could be counts.</summary>
    private static bool IsFiller(string syllable) =>
        FillersExact.Contains(syllable)
        || (!VietnameseText.HasDiacritics(syllable) && FillersFolded.Contains(syllable))
        || syllable.All(char.IsAsciiDigit);

    /// <summary>Every word the rules know, for typo correction.</summary>
    public static IEnumerable<string> Vocabulary =>
        new[] { Unsubscribe, Subscribe, Human, Feedback, Status, StatusWithoutProcedure, Submit, Question, Office, Help, Greeting }
            .Concat(Aspects.Select(a => a.Rule))
            .SelectMany(rule => rule.Words)
            .Concat(FillerWords)
            .Concat(FillerPairs.SelectMany(pair => pair.Split(' ')));
}
