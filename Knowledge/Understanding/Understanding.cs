using System.Text.Json.Serialization;

namespace OneStopBot.Knowledge.Understanding;

/// <summary>What a resident wants. JSON names are lower case, as in the evaluation contract.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Intent>))]
public enum Intent
{
    [JsonStringEnumMemberName("ask")] Ask,
    [JsonStringEnumMemberName("submit")] Submit,
    [JsonStringEnumMemberName("status")] Status,
    [JsonStringEnumMemberName("subscribe")] Subscribe,
    [JsonStringEnumMemberName("unsubscribe")] Unsubscribe,
    [JsonStringEnumMemberName("office")] Office,
    [JsonStringEnumMemberName("human")] Human,
    [JsonStringEnumMemberName("greeting")] Greeting,
    [JsonStringEnumMemberName("help")] Help,
    [JsonStringEnumMemberName("feedback")] Feedback,
    [JsonStringEnumMemberName("none")] None,
}

/// <summary>Which part of a procedure a question is about; a follow-up names only this and relies on context.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProcedureAspect>))]
public enum ProcedureAspect
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("documents")] Documents,
    [JsonStringEnumMemberName("fee")] Fee,
    [JsonStringEnumMemberName("time")] Time,
    [JsonStringEnumMemberName("where")] Where,
    [JsonStringEnumMemberName("online")] Online,
    [JsonStringEnumMemberName("steps")] Steps,
    [JsonStringEnumMemberName("qualifies")] WhoQualifies,
    [JsonStringEnumMemberName("proxy")] Proxy,

    /// <summary>How long the resident has: khai sinh within 60 days, khai tử within 15, khiếu nại within 90.</summary>
    [JsonStringEnumMemberName("deadline")] Deadline,

    /// <summary>When the office that receives the dossier is open.</summary>
    [JsonStringEnumMemberName("hours")] Hours,

    /// <summary>What happens when the resident is late or does not do it.</summary>
    [JsonStringEnumMemberName("penalty")] Penalty,

    /// <summary>Whether the dossier can be sent by post (nộp qua bưu điện).</summary>
    [JsonStringEnumMemberName("post")] Post,

    /// <summary>How to avoid the trip to the office, or make only one: online, post, someone going instead, before 15:00.</summary>
    [JsonStringEnumMemberName("trip")] Trip,
}

/// <summary>How sure the understanding is, in the three bands the conversation acts on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConfidenceBand>))]
public enum ConfidenceBand
{
    /// <summary>Sure enough to answer.</summary>
    [JsonStringEnumMemberName("answer")] Answer,

    /// <summary>Likely; ask "Có phải anh/chị hỏi về …?" with the best procedures as buttons.</summary>
    [JsonStringEnumMemberName("confirm")] Confirm,

    /// <summary>Not understood.</summary>
    [JsonStringEnumMemberName("none")] NotFound,
}

/// <summary>
/// The understanding of one message. <paramref name="ProcedureId"/> is null when no procedure applies or, for an
/// <see cref="Intent.Ask"/> follow-up, when the procedure in context is meant. <paramref name="Score"/> is the
/// confidence from 0 to 1; <paramref name="Alternatives"/> are other close procedures, best first.
/// </summary>
public sealed record Understanding(
    string Text,
    Intent Intent,
    string? ProcedureId,
    double Score,
    IReadOnlyList<string> Alternatives,
    ProcedureAspect Aspect)
{
    public ConfidenceBand Band { get; init; } = ConfidenceBand.Answer;

    /// <summary>A procedure of another agency the message asks about (intent none), e.g. "ly-hon".</summary>
    public string? OtherAgencyId { get; init; }

    /// <summary>Small talk, a joke or an insult (intent none): answered with one line, never kept as a question for staff.</summary>
    public bool ChitChat { get; init; }

    /// <summary>Thanks or goodbye (intent greeting): answered with a polite close, not the greeting again.</summary>
    public bool Closing { get; init; }

    /// <summary>Further procedures the same message names ("khai sinh và nhập hộ khẩu"), after <see cref="ProcedureId"/>.</summary>
    public IReadOnlyList<string> AlsoProcedureIds { get; init; } = [];
}
