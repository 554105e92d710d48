namespace OneStopBot.Knowledge.Understanding;

/// <summary>
/// Words that reveal the form of a question, in folded form (teencode and dialect are already normalised): whether
/// a resident wants to submit or asks. Classifiers decide what the message is about and which aspect it asks.
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

    /// <summary>Every word the rules know, for typo correction.</summary>
    public static IEnumerable<string> Vocabulary =>
        new[] { Submit, Question }.SelectMany(rule => rule.Words);
}
