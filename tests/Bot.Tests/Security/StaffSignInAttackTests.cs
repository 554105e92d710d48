using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Channels.DirectLine;
using OneStopBot.Bot.Tests.DirectLine;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>The host with one web chat staff member, a limit of 10 failed sign-ins, and every password check counted.</summary>
public sealed class SignInHost : IDisposable
{
    public const int Limit = 10;
    public const string Member = "tu";
    public const string Password = "mat-khau-rieng-cua-anh-Tu";

    private readonly SecurityHost.HostFactory factory = new();
    private readonly WebApplicationFactory<Program> host;
    private int peers;

    public SignInHost()
    {
        factory.Settings["Staff:Members:0:Channel"] = "webchat";
        factory.Settings["Staff:Members:0:UserId"] = Member;
        factory.Settings["Staff:Members:0:Name"] = "Anh Tú";
        factory.Settings["Staff:Members:0:PasswordHash"] = MemberHash;
        factory.Settings["Edge:MaxFailedCredentials"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStaffPasswordCheck>(Checks)));
    }

    public static string MemberHash { get; } = StaffPassword.Hash(Password);

    public CountingPasswordCheck Checks { get; } = new();

    /// <summary>A client from an address of its own.</summary>
    public HttpClient FromElsewhere()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(SecurityHost.PeerHeader, $"198.51.100.{Interlocked.Increment(ref peers)}");
        return client;
    }

    public void Dispose()
    {
        host.Dispose();
        factory.Dispose();
    }

    /// <summary>The real check, counting the passwords it was given and the hashes it checked them against.</summary>
    public sealed class CountingPasswordCheck : IStaffPasswordCheck
    {
        public ConcurrentQueue<(string? Password, string StoredHash)> Calls { get; } = new();

        public bool Matches(string? password, string storedHash)
        {
            Calls.Enqueue((password, storedHash));
            return StaffPassword.Verify(password, storedHash);
        }

        public int CountFor(string password) => HashesCheckedFor(password).Count;

        public IReadOnlyList<string> HashesCheckedFor(string password) => [.. Calls.Where(call => call.Password == password).Select(call => call.StoredHash)];
    }
}

/// <summary>Staff sign-in in the web chat: guessing in parallel, and telling known from unknown users.</summary>
public sealed class StaffSignInAttackTests(SignInHost host) : IClassFixture<SignInHost>
{
    private const string Path = DirectLineClient.Base + StaffSignIn.Route;

    private static StringContent Body(string user, string password) =>
        new($$"""{"user":"{{user}}","password":"{{password}}"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Twenty_wrong_sign_ins_at_once_are_twenty_counted_attempts_and_only_the_limit_is_compared()
    {
        var http = host.FromElsewhere();
        const string guess = "doan-song-song";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.PostAsync(Path, Body(SignInHost.Member, guess))));
        var statuses = responses.Select(response => response.StatusCode).ToList();
        Array.ForEach(responses, response => response.Dispose());
        using var right = await http.PostAsync(Path, Body(SignInHost.Member, SignInHost.Password));

        Assert.Equal(SignInHost.Limit, statuses.Count(status => status == HttpStatusCode.Unauthorized));
        Assert.Equal(20 - SignInHost.Limit, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.Equal(SignInHost.Limit, host.Checks.CountFor(guess));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Theory]
    [InlineData("khong-co-ai")]
    [InlineData("TU")]
    [InlineData("")]
    public async Task An_unknown_user_has_the_password_hashed_all_the_same(string user)
    {
        var password = "mat-khau-cua-" + user;

        using var response = await host.FromElsewhere().PostAsync(Path, Body(user, password));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal([StaffPassword.Unmatchable], host.Checks.HashesCheckedFor(password));
    }

    [Fact]
    public async Task A_right_sign_in_is_not_counted_as_a_failure()
    {
        var http = host.FromElsewhere();
        for (var i = 0; i < SignInHost.Limit - 1; i++)
        {
            using var wrong = await http.PostAsync(Path, Body(SignInHost.Member, $"sai-{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var first = await http.PostAsync(Path, Body(SignInHost.Member, SignInHost.Password));
        using var second = await http.PostAsync(Path, Body(SignInHost.Member, SignInHost.Password));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public void The_hash_unknown_users_are_checked_against_costs_what_a_members_does_and_matches_nothing()
    {
        Assert.True(StaffPassword.IsWellFormed(StaffPassword.Unmatchable));
        Assert.Equal(SignInHost.MemberHash.Split('$')[1], StaffPassword.Unmatchable.Split('$')[1]);
        Assert.False(StaffPassword.Verify(SignInHost.Password, StaffPassword.Unmatchable));
        Assert.False(StaffPassword.Verify("", StaffPassword.Unmatchable));
    }
}
