using System.Net;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Testing.Slack;
using DevOps90.Bot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Web;

/// <summary>
/// The dashboard's sign-in with Slack (OpenID Connect) against fakes on loopback: the sign-in server, and the Slack
/// Web API the bot asks who the user is there (users.info, usergroups.users.list, auth.test for its workspace).
/// </summary>
public sealed class SlackDashboardSignInTests
{
    private const string Group = "slack-evenings";

    [Fact]
    public async Task WorkspaceAdmin_GetsTheSlackGroupsDashboard()
    {
        await using var host = await SlackSignInHost.StartAsync();
        using var client = new DashboardClient(host.Page.BaseAddress);

        var signedIn = await client.SignInAsync("slack");
        var list = await (await client.GetAsync("/dashboard")).Content.ReadAsStringAsync();
        var dashboard = await client.GetAsync("/dashboard/" + Group);

        Assert.Equal(HttpStatusCode.Redirect, signedIn);
        Assert.Contains(client.SetCookieHeaders, header => header.StartsWith("__Host-devops90-session=", StringComparison.Ordinal));
        Assert.Contains($"href=\"/dashboard/{Group}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Theory]
    [InlineData("U0NAMED", HttpStatusCode.OK)]
    [InlineData("U0GROUPED", HttpStatusCode.OK)]
    [InlineData("U0MEMBER", HttpStatusCode.Forbidden)]
    public async Task NamedOrInTheGroupsUserGroup_GetsIn_AMember_IsKeptOut(string userId, HttpStatusCode expected)
    {
        await using var host = await SlackSignInHost.StartAsync();
        host.SignIn.NextUser = new(FakeSlackApi.TeamId, userId, "Some One");
        using var client = new DashboardClient(host.Page.BaseAddress);

        Assert.Equal(HttpStatusCode.Redirect, await client.SignInAsync("slack"));
        Assert.Equal(expected, (await client.GetAsync("/dashboard/" + Group)).StatusCode);
    }

    [Fact]
    public async Task AdminOfAnotherWorkspace_IsKeptOut()
    {
        await using var host = await SlackSignInHost.StartAsync();
        host.SignIn.NextUser = new("T0ELSEWHERE", "U0ADMIN", "Ad Min");
        using var client = new DashboardClient(host.Page.BaseAddress);

        await client.SignInAsync("slack");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/dashboard/" + Group)).StatusCode);
        Assert.Empty(host.Slack.CallsTo("users.info"));
    }

    [Fact]
    public async Task IdTokenWithAnotherNonce_IsRefused_AndNobodyIsSignedIn()
    {
        await using var host = await SlackSignInHost.StartAsync();
        host.SignIn.ForgedNonce = "a-nonce-this-browser-never-sent";
        using var client = new DashboardClient(host.Page.BaseAddress);

        var callback = await client.SignInAsync("slack");

        Assert.Equal(HttpStatusCode.BadRequest, callback);
        Assert.DoesNotContain(client.SetCookieHeaders, header => header.StartsWith("__Host-devops90-session=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard/" + Group)).StatusCode);
    }

    [Fact]
    public async Task ChangeSetting_AfterTheGroupStoppedNamingTheModerator_IsRefused()
    {
        await using var host = await SlackSignInHost.StartAsync();
        host.SignIn.NextUser = new(FakeSlackApi.TeamId, "U0NAMED", "Named Moderator");
        using var client = new DashboardClient(host.Page.BaseAddress);
        await client.SignInAsync("slack");
        var csrf = DashboardClient.Csrf(await (await client.GetAsync("/dashboard/" + Group)).Content.ReadAsStringAsync());
        var registry = host.Page.Host.Services.GetRequiredService<CohortRegistry>();
        var cohort = registry.Find(new CohortId(Group))!;

        await registry.SaveAsync(cohort with { Moderators = ["role:S0MODS"] });
        var refused = await client.PostAsync($"/dashboard/{Group}/settings", [new("action", "time"), new("value", "07:30"), new("csrf", csrf)]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(cohort.PostTime, registry.Find(new CohortId(Group))!.PostTime);
    }

    [Fact]
    public async Task SignInPage_OffersSlack_OnlyWhenItIsConfigured()
    {
        await using var slackHost = await SlackSignInHost.StartAsync();
        await using var discordOnly = await DashboardHost.StartAsync();
        using var withSlack = new DashboardClient(slackHost.Page.BaseAddress);
        using var without = new DashboardClient(discordOnly.Page.BaseAddress);

        Assert.Contains("href=\"/dashboard/signin/slack\"", await (await withSlack.GetAsync("/dashboard")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("/dashboard/signin/slack", await (await without.GetAsync("/dashboard")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The seeded host with Slack's adapter on a fake Web API and Slack's sign-in on a fake; a Slack study group
    /// naming one moderator by user id and one user group. U0ADMIN is a workspace admin; U0MEMBER is nobody special.
    /// </summary>
    private sealed class SlackSignInHost : IAsyncDisposable
    {
        private SlackSignInHost(SeededGroupPage page, FakeSlackSignIn signIn, FakeSlackApi slack) => (Page, SignIn, Slack) = (page, signIn, slack);

        public SeededGroupPage Page { get; }

        public FakeSlackSignIn SignIn { get; }

        public FakeSlackApi Slack { get; }

        public static async Task<SlackSignInHost> StartAsync()
        {
            var slack = await FakeSlackApi.StartAsync();
            slack.AddUser(new FakeSlackUser("U0ADMIN", "Ad Min", IsAdmin: true));
            slack.AddUser(new FakeSlackUser("U0NAMED", "Named Moderator"));
            slack.AddUser(new FakeSlackUser("U0GROUPED", "Grouped Moderator"));
            slack.AddUser(new FakeSlackUser("U0MEMBER", "Just Amember"));
            slack.SetUsergroup("S0MODS", "U0GROUPED");
            var signIn = await FakeSlackSignIn.StartAsync();
            // The adapter's settings (which move the seeded cohort to a Slack channel too: no console beside a platform).
            var page = await SeededGroupPage.StartAsync(settings: [.. SlackHost.Settings(slack), .. signIn.Settings]);
            await page.Host.Services.GetRequiredService<CohortRegistry>().SaveAsync(page.Cohort with
            {
                Id = new CohortId(Group),
                Target = new ChatTarget("slack", "C0EVENINGS"),
                Moderators = ["U0NAMED", "role:S0MODS"],
            });
            return new SlackSignInHost(page, signIn, slack);
        }

        public async ValueTask DisposeAsync()
        {
            await Page.DisposeAsync();
            await SignIn.DisposeAsync();
            await Slack.DisposeAsync();
        }
    }
}
