namespace OneStopBot.Knowledge.Procedures;

/// <summary>
/// A procedure residents ask the commune about that another agency handles, so the bot can say where to go.
/// <paramref name="Agency"/> is who handles it, <paramref name="Where"/> where to file, <paramref name="Contact"/>
/// how to reach it (or do it online). Only facts that are certain: where they are not, all three are left out and
/// the question is one the files do not cover, answered honestly and kept for staff, never mapped to a neighbour.
/// </summary>
public sealed record OtherAgency(
    string Id,
    string Name,
    string? Agency,
    string? Where,
    string? Contact,
    IReadOnlyList<string> Examples)
{
    /// <summary>Whether the files say who handles it; otherwise the bot has no guidance for it yet.</summary>
    public bool IsCovered => Agency is not null;
}

/// <summary>
/// Example messages of one intent that is not a question about a procedure ("xin chào", "hồ sơ tới đâu rồi");
/// <paramref name="ProcedureId"/> is set for a submit example that names its procedure. <paramref name="ChitChat"/> marks
/// small talk and insults (intent none, file label <c>chitchat</c>): learned apart from real messages nothing fits.
/// </summary>
public sealed record MessageExample(Understanding.Intent Intent, string? ProcedureId, IReadOnlyList<string> Examples, bool ChitChat = false)
{
    /// <summary>Thanks and goodbye (intent greeting): the conversation closes politely rather than starting again.</summary>
    public bool Closing { get; init; }

    /// <summary>Told rather than asked (intent none, file label <c>told</c>): asks about no aspect of a procedure.</summary>
    public bool Told { get; init; }
}

/// <summary>
/// Questions about one aspect of a procedure (<c>Other/aspects.yaml</c>); <paramref name="ProcedureId"/> set where
/// the aspect depends on the procedure in context ("mấy tuổi phải đi" is a deadline for nghĩa vụ quân sự).
/// </summary>
public sealed record AspectExample(Understanding.ProcedureAspect Aspect, string? ProcedureId, IReadOnlyList<string> Examples);
