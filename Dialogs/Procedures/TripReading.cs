using OneStopBot.Knowledge.Text;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>
/// Questions about a trip to the office that can be avoided, read from their exact words: sending by post, a long way
/// to come ("nhà xa, có cách nào khỏi đi không"), and filing online asked without a procedure.
/// </summary>
public static class TripReading
{
    private static readonly PhraseRule Post = new("buu dien", "buu chinh", "chuyen phat");

    // "nộp hồ sơ qua bưu điện" files by post, though "hồ sơ" alone reads like a status lookup.
    private static readonly PhraseRule FilingByPost = new("nop + buu dien", "nop + buu chinh");

    // Words that ask to be spared the trip itself, whatever else the message says.
    private static readonly PhraseRule AvoidTrip = new(
        "khoi di", "khoi phai di", "khong phai di", "khoi len", "khoi phai len", "khong phai len", "khong can di", "khong can len",
        "khong di duoc", "khong len duoc", "do phai di", "do di lai", "di lai nhieu");

    // A long way to come, asked about: without a procedure named, the ways around the trip.
    private static readonly PhraseRule FarAndAsking = new(
        "xa + co cach", "xa + cach nao", "nua ngay + co cach", "nua ngay + cach nao", "xa + lam sao", "xa + the nao");

    private static readonly PhraseRule Online = new("online", "onl", "truc tuyen", "vneid", "dich vu cong", "dichvucong", "qua mang", "tren mang");

    /// <summary>
    /// <see cref="ProcedureAspect.Post"/>, <see cref="ProcedureAspect.Trip"/> or <see cref="ProcedureAspect.Online"/> when the
    /// message asks it; none otherwise. <paramref name="namesProcedure"/>: a message that names a procedure and only says
    /// its home is far ("nhà xa xã lắm, khai sinh làm răng") asks about the procedure first, so it is no trip question.
    /// </summary>
    public static ProcedureAspect Read(string? text, bool namesProcedure)
    {
        var padded = Padded(text);
        return Post.Matches(padded) ? ProcedureAspect.Post
            : AvoidTrip.Matches(padded) || (!namesProcedure && FarAndAsking.Matches(padded)) ? ProcedureAspect.Trip
            : Online.Matches(padded) ? ProcedureAspect.Online
            : ProcedureAspect.None;
    }

    /// <summary>True when the message files a dossier by post ("nộp hồ sơ qua bưu điện"), whatever else it reads like.</summary>
    public static bool FilesByPost(string? text) => FilingByPost.Matches(Padded(text));

    private static string Padded(string? text) => $" {string.Join(' ', VietnameseText.Syllables(text).Select(VietnameseText.Fold))} ";
}
