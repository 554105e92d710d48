namespace OneStopBot.Dialogs.Root;

/// <summary>What the root hands a feature dialog it starts: the procedure in context and the message that started it.</summary>
public sealed record FeatureOptions(string? ProcedureId, string? Text);
