using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Staff;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// Bodies that arrive too slowly or are abandoned are the client's fault: one line at Information level, no stack
/// trace, no error. And no answer of the host shows where its files are.
/// </summary>
public sealed class ClientFaultAttackTests : IDisposable
{
    private const string FaultHeader = "X-Test-Body-Fault";
    private const string ApiKey = "staff-api-key-0123456789";

    private readonly FaultyClientHost factory = new();

    public ClientFaultAttackTests()
    {
        factory.Settings["Staff:ApiKey"] = ApiKey;
    }

    [Theory]
    [InlineData("/api/messages", "application/json")]
    [InlineData("/api/staff/dossiers/import", "text/csv")]
    public async Task A_body_arriving_too_slowly_logs_one_information_line_without_a_stack_trace(string path, string contentType)
    {
        using var client = StartedClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"type\":", Encoding.UTF8, contentType) };
        request.Headers.Add(FaultHeader, "slow");
        request.Headers.Add(StaffApi.ApiKeyHeader, ApiKey);

        using var response = await client.SendAsync(request);
        await factory.Finished.Task;

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Quá thời gian chờ", (string?)problem["title"]);
        Assert.Contains("quá chậm", (string?)problem["detail"], StringComparison.Ordinal);
        AssertOneInformationLine();
    }

    [Fact]
    public async Task A_body_the_client_abandons_logs_one_information_line_without_a_stack_trace()
    {
        using var client = StartedClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{\"type\":", Encoding.UTF8, "application/json") };
        request.Headers.Add(FaultHeader, "aborted");

        await Assert.ThrowsAnyAsync<Exception>(() => client.SendAsync(request));
        await factory.Finished.Task;

        AssertOneInformationLine();
    }

    [Fact]
    public async Task The_backup_answer_names_the_file_but_not_where_the_server_keeps_it()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(StaffApi.ApiKeyHeader, ApiKey);

        using var response = await client.PostAsync("/api/staff/backup", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = (string)JObject.Parse(body)["file"]!;
        Assert.Equal(Path.GetFileName(file), file);
        Assert.True(File.Exists(Path.Combine(BackupVerbs.Folder(factory.DatabasePath), file)));
        Assert.DoesNotContain(Path.GetDirectoryName(factory.DatabasePath)!, body.Replace("\\\\", "\\", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), body, StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();

    /// <summary>A client of the started host, whose start-up lines (the anonymous mode's warning) are left behind.</summary>
    private HttpClient StartedClient()
    {
        var client = factory.CreateClient();
        factory.Services.GetFakeLogCollector().Clear();
        return client;
    }

    private void AssertOneInformationLine()
    {
        var records = factory.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Equal([], records.Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Level} {r.Category}: {r.Message}"));
        var fault = Assert.Single(records, r => r.Category == typeof(ClientFaults).FullName);
        Assert.Equal(LogLevel.Information, fault.Level);
        Assert.Null(fault.Exception);
        Assert.DoesNotContain('\n', fault.Message);
    }

    /// <summary>
    /// The real host, whose request bodies fail as Kestrel's do when the header asks: too slow (Kestrel's minimum data
    /// rate) or abandoned by the client. <see cref="Finished"/> completes when such a request has been handled.
    /// </summary>
    private sealed class FaultyClientHost : OneStopBotFactory
    {
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddFakeLogging();
                services.AddSingleton<IStartupFilter>(new FaultyBodies(Finished));
            });
        }
    }

    private sealed class FaultyBodies(TaskCompletionSource finished) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var fault = context.Request.Headers[FaultHeader].ToString();
                if (fault.Length == 0)
                {
                    await nextMiddleware(context);
                    return;
                }
                context.Request.Body = new FailingStream(() =>
                {
                    if (fault == "slow")
                    {
                        return new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.", StatusCodes.Status408RequestTimeout);
                    }
                    context.Abort();
                    return new OperationCanceledException("The request was aborted.", context.RequestAborted);
                });
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    finished.TrySetResult();
                }
            });
            next(app);
        };
    }

    private sealed class FailingStream(Func<Exception> failure) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw failure();
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure());
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(failure());
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
