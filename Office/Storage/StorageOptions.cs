using System.ComponentModel.DataAnnotations;

namespace OneStopBot.Office.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are resolved against the working directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabasePath must be set, e.g. data/onestop.db.")]
    public string DatabasePath { get; set; } = "data/onestop.db";
}
