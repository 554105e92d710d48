using LiteDB;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Notices;

/// <summary>Residents' ratings of the service; the satisfaction figure of the statistics comes from here.</summary>
public sealed class RatingStore(OfficeDatabase database, CommuneContext communes, TimeProvider timeProvider) : IRatingStore, ISatisfactionSource
{
    public const string CollectionName = "ratings";
    public const int MaxCommentLength = 1000;

    /// <summary>Vietnam keeps one time zone without daylight saving: the office's day is UTC+7.</summary>
    public static readonly TimeSpan OfficeOffset = TimeSpan.FromHours(7);

    private readonly ILiteCollection<Rating> ratings = database.Collection<Rating>(CollectionName);

    /// <exception cref="ArgumentException">The comment is longer than <see cref="MaxCommentLength"/>.</exception>
    public Rating Add(ChatAddress chat, Satisfaction score, string? dossierCode = null, string? comment = null)
    {
        comment = NormalizeComment(comment);
        var now = timeProvider.GetUtcNow();
        var rating = new Rating
        {
            Commune = communes.Current.Id,
            DossierCode = string.IsNullOrWhiteSpace(dossierCode) ? null : dossierCode.Trim(),
            ChannelId = chat.ChannelId,
            UserId = chat.UserId,
            Score = score,
            Comment = comment,
            RatedAt = now,
            Day = DateOnly.FromDateTime(now.ToOffset(OfficeOffset).DateTime),
        };
        return rating with { Id = ratings.Insert(rating).AsInt32 };
    }

    /// <summary>
    /// The rating of a returned dossier, once: null when that dossier has been rated already (by anyone). Checked and
    /// written in one transaction, so two answers at once still count once.
    /// </summary>
    public Rating? AddOnce(ChatAddress chat, Satisfaction score, string dossierCode) =>
        database.InTransaction(() => IsRated(dossierCode) ? null : Add(chat, score, dossierCode));

    public bool IsRated(string dossierCode) => ratings.In(communes.Current.Id, Filter.Equal(nameof(Rating.DossierCode), dossierCode)).Exists();

    /// <summary>
    /// The index of a rating's commune and day ("phuoc-duc|2026-11-30"): a commune's ratings of a period lie together,
    /// so its count reads them only, not every commune's ratings of those days.
    /// </summary>
    internal const string CommuneDayIndex = "communeDay";

    internal const string CommuneDayExpression = "$." + CommuneRecords.Field + " + '|' + $." + nameof(Rating.Day);

    /// <summary>Ratings from <paramref name="from"/> to <paramref name="to"/> inclusive (office days), and how many were satisfied.</summary>
    public (int Satisfied, int Total) CountSatisfaction(DateOnly from, DateOnly to)
    {
        var here = communes.Current.Id;
        var (satisfied, total) = (0, 0);
        // Read through the commune's days alone; the commune is checked on each rating found, as every read does.
        foreach (var rating in ratings.Find(InPeriod(here, from, to)))
        {
            if (rating.Own(here) is { } own)
            {
                total++;
                satisfied += own.Score == Satisfaction.Satisfied ? 1 : 0;
            }
        }
        return (satisfied, total);
    }

    /// <summary>The ratings of <paramref name="commune"/> from <paramref name="from"/> to <paramref name="to"/>, through <see cref="CommuneDayIndex"/>.</summary>
    internal BsonExpression InPeriod(string commune, DateOnly from, DateOnly to) =>
        Filter.Between(CommuneDayExpression, commune + "|" + Day(from).AsString, commune + "|" + Day(to).AsString);

    (int satisfied, int total) ISatisfactionSource.Count(DateOnly from, DateOnly to) => CountSatisfaction(from, to);

    /// <summary>Adds the comment a resident gives after rating; false when the rating does not exist.</summary>
    /// <exception cref="ArgumentException">The comment is longer than <see cref="MaxCommentLength"/>.</exception>
    public bool AddComment(int ratingId, string comment)
    {
        var trimmed = NormalizeComment(comment);
        if (ratings.FindById(ratingId).Own(communes.Current.Id) is not { } rating || trimmed is null)
        {
            return false;
        }
        return ratings.Update(rating with { Comment = trimmed });
    }

    public IReadOnlyList<Rating> ForDossier(string dossierCode) =>
        ratings.In(communes.Current.Id, Filter.Equal(nameof(Rating.DossierCode), dossierCode)).ToList();

    public IReadOnlyList<Rating> Latest(int count) =>
        ratings.In(communes.Current.Id).OrderByDescending("_id").Limit(Math.Clamp(count, 1, 1000)).ToList();

    private static string? NormalizeComment(string? comment)
    {
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (trimmed?.Length > MaxCommentLength)
        {
            throw new ArgumentException($"A comment has at most {MaxCommentLength} characters.", nameof(comment));
        }
        return trimmed;
    }

    private BsonValue Day(DateOnly day) => database.Mapper.Serialize(day);
}
