using QRCoder;

namespace OneStopBot.Bot.Qr;

public static class QrCodes
{
    /// <summary>
    /// A PNG QR code. Level M survives a smudged or creased poster; 12 pixels a module prints sharp at about 5 cm.
    /// </summary>
    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(12);
    }
}
