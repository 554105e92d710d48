using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Dialogs.Messages;

/// <summary>What the conversation holds when a message arrives, for reading it.</summary>
/// <param name="Topic">The procedure the conversation is about, if any.</param>
/// <param name="LastAspect">The aspect last answered about <paramref name="Topic"/>.</param>
/// <param name="Proposed">The procedures "Có phải anh/chị hỏi về …?" waits to have confirmed, best first.</param>
/// <param name="UnderWay">The bot has already answered in this conversation: a short greeting now takes leave.</param>
public sealed record ReadingContext(
    string? Topic = null,
    ProcedureAspect LastAspect = ProcedureAspect.None,
    IReadOnlyList<string>? Proposed = null,
    bool UnderWay = false);

/// <summary>A message that turns down what the conversation offered, and asks nothing.</summary>
public enum Refusal
{
    None,

    /// <summary>"Không phải" to "Có phải anh/chị hỏi về …?": none of the proposed procedures.</summary>
    NotThis,

    /// <summary>"thôi không hỏi nữa": the resident stops here, which is no question for staff.</summary>
    Stop,
}

/// <summary>
/// The whole reading of one message in its conversation, made in one place (<see cref="MessageReader"/>); the dialogs
/// act on it and never read the text again for its meaning. <paramref name="ProcedureId"/> is the procedure to answer
/// about (the topic for a follow-up); <paramref name="Candidates"/> are procedures to choose from when none is sure,
/// best first, confirmed one by one in the confirm band.
/// </summary>
public sealed record MessageReading(
    string Text,
    Intent Intent,
    string? ProcedureId,
    ProcedureAspect Aspect,
    ConfidenceBand Band)
{
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>How sure understanding was of its intent: small talk read with little confidence is no small talk for sure.</summary>
    public double Score { get; init; }

    /// <summary>Further procedures the same message names ("khai sinh và nhập hộ khẩu"), answered after the first.</summary>
    public IReadOnlyList<string> AlsoProcedureIds { get; init; } = [];

    /// <summary>Thanks or goodbye: a polite close, never the greeting again.</summary>
    public bool Closing { get; init; }

    /// <summary>Small talk, a joke or an insult: one polite line, nothing kept for staff.</summary>
    public bool ChitChat { get; init; }

    /// <summary>A procedure of another agency, or one the files do not cover (<see cref="OtherAgency.IsCovered"/>).</summary>
    public OtherAgency? OtherAgency { get; init; }

    /// <summary>A question the files do not cover: an honest "chưa có hướng dẫn", the office's phone, kept for staff.</summary>
    public bool NotCovered => OtherAgency is { IsCovered: false };

    /// <summary>The message holds a dossier code: the status lookup starts with it.</summary>
    public bool HasDossierCode { get; init; }

    /// <summary>A death told in passing ("ba tui mất rồi"): condolences before the paperwork.</summary>
    public bool Condolence { get; init; }

    /// <summary>The message asks about the liên thông group (khai sinh with thường trú or the BHYT card).</summary>
    public bool Linked { get; init; }

    /// <summary>A number of pages written where the fee is counted by pages ("10 trang thì bao nhiêu").</summary>
    public int? Pages { get; init; }

    /// <summary>The candidates come from search, not understanding: the question is kept for staff at once.</summary>
    public bool Searched { get; init; }

    /// <summary>Not understood, answered about the topic on what it most likely asks, and kept for staff.</summary>
    public bool Unsure { get; init; }

    /// <summary>The message is itself praise or a complaint ("cán bộ làm nhanh quá"), not a wish to give one.</summary>
    public bool Remark { get; init; }

    /// <summary>The day an office-hours question names ("lễ 30/4", "chủ nhật"): whether the office works that day.</summary>
    public DateOnly? Day { get; init; }

    /// <summary>The "Hỏi thủ tục khác" button: the topic is let go and the question starts afresh.</summary>
    public bool OtherProcedure { get; init; }

    public Refusal Refusal { get; init; }
}
