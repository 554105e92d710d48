namespace OneStopBot.Knowledge;

/// <summary>The <c>Knowledge</c> section of appsettings.json.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder of the procedure files; empty means <c>Procedures/</c> beside the assembly.</summary>
    public string ProceduresPath { get; set; } = string.Empty;

    /// <summary>The folder to load, with the default applied.</summary>
    public string ResolveProceduresPath() =>
        string.IsNullOrWhiteSpace(ProceduresPath) ? DefaultProceduresPath : Path.GetFullPath(ProceduresPath);

    /// <summary><c>Procedures/</c> beside the assembly, where the build copies the files.</summary>
    public static string DefaultProceduresPath => Path.Combine(AppContext.BaseDirectory, "Procedures");
}
