namespace OneStopBot.Bot.State;

/// <summary>Configuration section <c>State</c>: how much bot state the host keeps in memory beside the database.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>Stored state documents (one per conversation, one per user) kept in memory, the least recently used leaving first.</summary>
    public int CachedDocuments { get; set; } = 4_000;

    public static bool IsValid(StateOptions options) => options.CachedDocuments is >= 1 and <= 1_000_000;
}
