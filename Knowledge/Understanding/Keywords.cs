namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// Words that reveal the form of a question, in folded form (teencode and dialect are already normalised): whether
/// a resident wants to submit or asks, and which aspect of a procedure. The classifier decides what the message is about.
/// </summary>
internal static class Keywords
{
    public static readonly PhraseRule Submit = new(
        "nop ho so", "dat lich", "dang ky truoc", "hen lich", "dat hen", "nop truc tuyen", "nop online", "nop qua mang",
        "muon nop", "lay so thu tu", "dang ky nop", "gui ho so", "nop giay to");

    // A question about a procedure rather than a request to do it.
    public static readonly PhraseRule Question = new(
        "khong", "chua", "gi", "dau", "nao", "sao", "bao nhieu", "bao lau", "bao gio", "the nao", "ra sao",
        // Central dialect, folded: "răng" (sao), "ở mô" (ở đâu).
        "rang", "o mo",
        // "mấy" asks only before what it counts: folded, "mày" (you) reads the same.
        "may ngay", "may gio", "may hom", "may tuan", "may thang", "may nam", "may tien", "may buoc", "may ban", "may cai", "may loai", "may lan",
        "may to", "may trang", "may bo", "may bua");

    // Aspects, most specific first: the first that matches wins.
    public static readonly IReadOnlyList<(ProcedureAspect Aspect, PhraseRule Rule)> Aspects =
    [
        (ProcedureAspect.Proxy, new PhraseRule(
            "nho nguoi", "di thay", "lam thay", "nop thay", "lam ho", "lay ho", "nguoi khac di", "nguoi nha di",
            "thay duoc khong", "mot minh", "tu di", "uy quyen", "di ho", "nop ho")),
        (ProcedureAspect.WhoQualifies, new PhraseRule(
            "ai duoc", "ai co the", "ai lam duoc", "doi tuong", "dieu kien", "ai phai", "ai can", "tieu chuan", "tieu chi")),
        (ProcedureAspect.Online, new PhraseRule(
            "online", "truc tuyen", "qua mang", "tren mang", "dich vu cong", "vneid", "tai nha + duoc", "qua dien thoai",
            "qua internet", "lam tren dien thoai")),
        (ProcedureAspect.Fee, new PhraseRule(
            "bao nhieu tien", "mat tien", "ton tien", "le phi", "phi bao nhieu", "mat phi", "ton phi", "co phi",
            "het bao nhieu", "mien phi", "tra tien", "nop tien", "tien + khong", "gia bao nhieu", "phat", "bi phat", "phi")),
        (ProcedureAspect.Time, new PhraseRule(
            "bao lau", "may ngay", "bao nhieu ngay", "khi nao co", "bao gio co", "bao gio xong", "khi nao xong",
            "thoi gian", "thoi han", "lau khong", "lau the", "lau vay", "lau sao", "trong bao lau", "may hom", "may tuan",
            "may thang", "may bua")),
        (ProcedureAspect.Documents, new PhraseRule(
            "giay to gi", "giay gi", "can gi", "can nhung gi", "mang gi", "mang theo", "ho so gom", "can giay",
            "can nhung giay", "gom nhung gi", "chuan bi gi", "chuan bi nhung", "can mang", "giay to can", "can nhung",
            "con giay", "giay to + sao", "giay to + thi")),
        (ProcedureAspect.Where, new PhraseRule(
            "o dau", "cho nao", "noi nao", "nop o", "lam o", "lam tai", "nop tai", "di dau", "den dau + lam",
            "o xa + duoc khong", "xa + duoc khong", "len dau", "o mo", "cho mo", "di mo")),
        (ProcedureAspect.Steps, new PhraseRule(
            "the nao", "ra sao", "lam sao", "nhu the nao", "cac buoc", "thu tuc", "cach lam", "huong dan", "phai lam gi",
            "lam gi", "sao", "lam rang", "the rang")),
    ];

    /// <summary>Every word the rules know, for typo correction.</summary>
    public static IEnumerable<string> Vocabulary =>
        new[] { Submit, Question }.Concat(Aspects.Select(a => a.Rule)).SelectMany(rule => rule.Words);
}
