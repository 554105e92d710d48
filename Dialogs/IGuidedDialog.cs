using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs;

/// <summary>
/// What the conversation's own rules (stop words, interruptions, kept drafts, "quay lại") ask of a dialog, apart from
/// the engine's concerns. A dialog implements the members it has an answer to; the others keep these defaults.
/// </summary>
public interface IGuidedDialog
{
    /// <summary>The defaults, for a dialog that implements none of this.</summary>
    private static readonly IGuidedDialog Plain = new PlainDialog();

    /// <summary>
    /// An open question (free text, a name): it could take any words as its answer, so a command typed without
    /// diacritics is asked about rather than obeyed or swallowed.
    /// </summary>
    bool IsOpen => false;

    /// <summary>
    /// Whether <paramref name="text"/> leaves this dialog's question for another (the day a deadline is counted from,
    /// answered with "có mất tiền không"): such a message is read as a new message rather than asked for again.
    /// </summary>
    bool IsLeftFor(string text) => false;

    /// <summary>
    /// What the resident is doing in this dialog, for "Anh/chị muốn dừng việc …?" and "Tiếp tục …"; null for a
    /// dialog whose draft is not worth keeping when something interrupts it.
    /// </summary>
    string? Purpose => null;

    /// <summary>How many answers the resident has given in <paramref name="instance"/>: losing two or more is asked about first.</summary>
    int Answers(DialogInstance instance) => 0;

    /// <summary>
    /// Rewinds <paramref name="instance"/> by one answer ("quay lại"), so that resuming it asks that question
    /// again; false when there is nothing to go back to.
    /// </summary>
    bool TryStepBack(DialogInstance instance) => false;

    /// <summary>The rules of <paramref name="dialog"/>: its own, or the defaults.</summary>
    static IGuidedDialog Of(Dialog dialog) => dialog as IGuidedDialog ?? Plain;

    private sealed class PlainDialog : IGuidedDialog;
}
