namespace OneStopBot.Bot.WebChat;

/// <summary>The <c>WebChat</c> section of appsettings.json.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>The address residents reach the page at; QR codes point here.</summary>
    public string PublicUrl { get; set; } = "http://localhost:3978/";

    /// <summary>A link to the page about one procedure: <c>PublicUrl?hoi=id</c>.</summary>
    public string ProcedureUrl(string procedureId) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(PublicUrl, WebChatPage.ProcedureParameter, procedureId);
}

/// <summary>The names the page shows, from the <c>Office</c> section of appsettings.json.</summary>
public sealed class OfficeNames
{
    public const string Section = "Office";

    public string CommuneName { get; set; } = "";

    public string OfficeName { get; set; } = "";
}
