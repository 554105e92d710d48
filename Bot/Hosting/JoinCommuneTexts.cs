using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Questions;
using OneStopBot.Office.Reminders;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Sync;

namespace OneStopBot.Bot.Hosting;

/// <summary>What <c>join-commune</c> prints, in Vietnamese for the province's IT staff.</summary>
internal static class JoinCommuneTexts
{
    public const string Usage = "Cách dùng: join-commune --from <tệp cũ của một xã> --commune <mã xã>";

    /// <summary>The kinds of records, as the counts are printed.</summary>
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        [DossierStore.CollectionName] = "hồ sơ",
        [DossierStore.FilingsCollectionName] = "lần nộp từ trò chuyện",
        [DossierStore.CountersCollectionName] = "số thứ tự hồ sơ theo ngày",
        [StaffAuditLog.CollectionName] = "nhật ký thao tác cán bộ",
        [SubscriptionStore.CollectionName] = "người nhận thông báo",
        [SubscriptionStore.AskedCollectionName] = "lần đã hỏi nhận thông báo",
        [NoticeCollections.NoticesName] = "thông báo",
        [NoticeCollections.DeliveriesName] = "tin nhắn gửi đi",
        [RatingStore.CollectionName] = "đánh giá",
        [FeedbackStore.CollectionName] = "góp ý",
        [HandoffStore.CollectionName] = "câu hỏi chuyển cán bộ",
        [HandoffStore.MessagesCollectionName] = "tin trả lời của cán bộ",
        [HandoffStore.StaffChatsCollectionName] = "cuộc trò chuyện của cán bộ",
        [UnansweredQuestionStore.CollectionName] = "câu hỏi chưa trả lời được",
        [ReminderStore.CollectionName] = "lời nhắc",
        [LookupGuard.CollectionName] = "lần tra cứu sai",
        [ProvincialSync.ExportsCollection] = "lần đồng bộ với tỉnh",
        [ProvincialSync.SeenCollection] = "trạng thái hồ sơ theo hệ thống tỉnh",
        [ProvincialSync.UploadsCollection] = "tệp đồng bộ đang chờ",
    };

    public static string Kind(string collection) => Kinds.GetValueOrDefault(collection, collection);

    public static string Done(string commune) => $"Đã chuyển dữ liệu vào xã {commune}. Số bản ghi từng loại (đã đếm lại, khớp với tệp cũ):";

    public static string Refusal(JoinOutcome outcome, string commune) => outcome.Refusal switch
    {
        JoinRefusal.UnknownCommune => $"Không có xã mã \"{commune}\" trong cấu hình (Communes). Các mã đang có: {outcome.Detail}.",
        JoinRefusal.MissingFile => $"Không tìm thấy tệp {outcome.Detail}. Không có gì được ghi.",
        JoinRefusal.NotADatabase => $"Tệp cũ không phải cơ sở dữ liệu dùng được ({outcome.Detail}). Không có gì được ghi.",
        JoinRefusal.TooOld => $"Tệp {outcome.Detail} do phiên bản quá cũ ghi ra: hãy chạy chương trình một lần với tệp này (một xã), rồi chuyển lại.",
        JoinRefusal.CommuneHasRecords => $"Xã {commune} đã có dữ liệu ({Kind(outcome.Detail!)}), nên không chuyển thêm: mỗi xã chỉ chuyển vào một lần.",
        JoinRefusal.KeysTaken => $"Không chuyển được: một số {Kind(outcome.Detail!)} trùng mã với dữ liệu của xã khác. Không có gì được ghi.",
        JoinRefusal.CountDiffers => $"Không chuyển được: số {Kind(outcome.Detail!)} ghi vào không khớp với tệp cũ. Không có gì được ghi.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
