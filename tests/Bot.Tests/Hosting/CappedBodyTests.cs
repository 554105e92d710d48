using Microsoft.AspNetCore.Http;
using OneStopBot.Bot.Hosting;

namespace OneStopBot.Bot.Tests.Hosting;

public sealed class CappedBodyTests
{
    [Fact]
    public async Task A_body_up_to_the_limit_is_read_whole()
    {
        var bytes = Enumerable.Range(0, 40_000).Select(i => (byte)i).ToArray();

        var (read, tooLarge) = await CappedBody.ReadAsync(new MemoryStream(bytes), declaredLength: null, maxBytes: 40_000, CancellationToken.None);

        Assert.Null(tooLarge);
        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task A_body_sent_without_a_length_is_cut_off_just_past_the_limit()
    {
        var endless = new CountingStream();

        var (read, tooLarge) = await CappedBody.ReadAsync(endless, declaredLength: null, maxBytes: 50_000, CancellationToken.None);

        Assert.Null(read);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, tooLarge!.StatusCode);
        Assert.Contains("50.000 byte", tooLarge.ProblemDetails.Detail);
        Assert.True(endless.Given < 50_000 + 16 * 1024 + 1, $"{endless.Given} bytes were read");
    }

    [Fact]
    public async Task A_body_declared_too_long_is_refused_before_reading()
    {
        var endless = new CountingStream();

        var (read, tooLarge) = await CappedBody.ReadAsync(endless, declaredLength: 50_001, maxBytes: 50_000, CancellationToken.None);

        Assert.Null(read);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, tooLarge!.StatusCode);
        Assert.Equal(0, endless.Given);
    }

    /// <summary>A body that never ends, as a client streaming chunks forever would send.</summary>
    private sealed class CountingStream : Stream
    {
        public long Given { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            Given += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
