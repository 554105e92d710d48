using OneStopBot.Office;
using OneStopBot.Dialogs.Dossiers;
using Microsoft.AspNetCore.Http.HttpResults;
namespace OneStopBot.Bot.Hosting;

/// <summary>
/// Reads a request body whole, up to a limit: a body declared too long is refused before a byte is read, and one
/// sent without a length (chunked) is cut off as soon as it passes the limit, so nobody makes the host buffer more.
/// </summary>
public static class CappedBody
{
    /// <summary>The bytes of <paramref name="request"/>'s body, or the 413 to answer with.</summary>
    public static Task<(byte[]? Bytes, ProblemHttpResult? TooLarge)> ReadAsync(HttpRequest request, int maxBytes) =>
        ReadAsync(request.Body, request.ContentLength, maxBytes, request.HttpContext.RequestAborted);

    /// <summary>The same for a part of a body (a multipart section), whose declared length may be unknown.</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? TooLarge)> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(maxBytes + 1, 16 * 1024)];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), null);
    }

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem(TextTemplate.Fill(ProblemTexts.BodyTooLarge, VietnameseNumber.Of(maxBytes)), statusCode: StatusCodes.Status413PayloadTooLarge);
}
