namespace OneStopBot.Knowledge.Procedures;

/// <summary>A procedure file is missing, malformed or inconsistent; the message names the file, the field and why.</summary>
public sealed class ProcedureCatalogException : Exception
{
    public ProcedureCatalogException(string file, string field, string reason, Exception? inner = null)
        : base($"{file}: field '{field}': {reason}", inner)
    {
        File = file;
        Field = field;
        Reason = reason;
    }

    public string File { get; }

    public string Field { get; }

    public string Reason { get; }
}
