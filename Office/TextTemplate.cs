using System.Globalization;

namespace OneStopBot.Office;

/// <summary>Texts with placeholders ("Hồ sơ {0} đã có kết quả"), filled the same on every machine whatever its culture.</summary>
public static class TextTemplate
{
    public static string Fill(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
