using System.Globalization;
using DevOps90.Bot.LoadTest;
using DevOps90.Bot.LoadTest.Discord;
using DevOps90.Bot.LoadTest.Fanout;
using DevOps90.Bot.LoadTest.Slack;
using DevOps90.Bot.LoadTest.Web;

// The load tools of bench/interactions-load.sh (Discord), bench/slack-load.sh (Slack) and bench/fanout-load.sh:
//   discord-keys DIR | discord-check URL KEY | discord-load URL KEY [options]    KEY: the private key's hex
//   slack-stub PORT | slack-check URL SECRET | slack-load URL SECRET [options]  options: see LoadOptions
//   page-load URL _ [options]         GETs of a group's public page (bench/page-load.sh; the key slot is unused)
//   fanout BOTDIR WORKDIR [options]   N cohorts due at once, posted by the host to a rate-limited fake Discord (FanoutOptions)
//   reminders WORKDIR N LATENCY_MS CONCURRENCY   N reminders due at once, sent as Discord DMs (bench/reminders-load.sh)
//   discord-fake                      a fake Discord with its gateway on loopback: prints its API base URL, serves until
//                                     its input closes (bench/footprint.sh's gateway mode)
switch (args)
{
    case ["discord-keys", var folder]:
        return DiscordInteractions.WriteKeys(folder, Console.Out);
    case ["discord-check", var url, var key] when Uri.TryCreate(url, UriKind.Absolute, out var uri):
        return await DiscordCheck.RunAsync(uri, key, Console.Out);
    case ["discord-load", var url, var key, .. var rest]:
        if (LoadOptions.Parse(url, key, rest, Console.Error) is not { } discord)
        {
            return 2;
        }

        using (var interactions = new DiscordInteractions(key, TimeProvider.System))
        {
            return await new ClosedLoopLoad(new DiscordTarget(interactions, discord.Users), discord, Console.Out).RunAsync();
        }

    case ["slack-stub", var portText] when int.TryParse(portText, CultureInfo.InvariantCulture, out var port):
        return await SlackApiStub.RunAsync(port, Console.Out);
    case ["slack-check", var url, var secret] when Uri.TryCreate(url, UriKind.Absolute, out var uri):
        return await SlackCheck.RunAsync(uri, secret, Console.Out);
    case ["slack-load", var url, var secret, .. var rest]:
        return LoadOptions.Parse(url, secret, rest, Console.Error) is { } slack
            ? await new ClosedLoopLoad(new SlackTarget(new SlackCommandForms(secret, TimeProvider.System), slack.Users), slack, Console.Out).RunAsync()
            : 2;
    case ["page-load", var url, _, .. var rest]:
        return LoadOptions.Parse(url, "", rest, Console.Error) is { } page
            ? await new ClosedLoopLoad(new GroupPageTarget(), page, Console.Out).RunAsync()
            : 2;
    case ["fanout", var botDirectory, var workDirectory, .. var rest]:
        return FanoutOptions.Parse(botDirectory, workDirectory, rest, Console.Error) is { } fanout
            ? await new FanoutRun(fanout, Console.Out).RunAsync()
            : 2;
    case ["reminders", var workDirectory, var membersText, var latencyText, var concurrencyText]
        when int.TryParse(membersText, CultureInfo.InvariantCulture, out var members)
            && int.TryParse(latencyText, CultureInfo.InvariantCulture, out var latencyMs)
            && int.TryParse(concurrencyText, CultureInfo.InvariantCulture, out var concurrency):
        return await DevOps90.Bot.LoadTest.Reminders.ReminderFanout.RunAsync(members, latencyMs, concurrency, workDirectory, Console.Out);
    case ["discord-fake"]:
        await using (var fake = await DevOps90.Bot.Testing.Discord.RateLimitedDiscord.StartAsync(TimeSpan.Zero))
        {
            Console.WriteLine(fake.ApiBaseUrl);
            await Console.In.ReadToEndAsync();
            return 0;
        }

    default:
        Console.Error.WriteLine("usage: DevOps90.Bot.LoadTest discord-keys DIR | discord-check URL KEY | discord-load URL KEY [options]");
        Console.Error.WriteLine("       DevOps90.Bot.LoadTest slack-stub PORT | slack-check URL SECRET | slack-load URL SECRET [options]");
        Console.Error.WriteLine("       DevOps90.Bot.LoadTest page-load URL _ [options]");
        Console.Error.WriteLine("       DevOps90.Bot.LoadTest reminders WORKDIR MEMBERS LATENCY_MS CONCURRENCY");
        Console.Error.WriteLine("       DevOps90.Bot.LoadTest discord-fake");
        Console.Error.WriteLine("       DevOps90.Bot.LoadTest fanout BOTDIR WORKDIR [--cohorts 1000] [--latency-ms 300] [--lead 60] [--label NAME] [--instances 1] [--postgres]");
        Console.Error.WriteLine("options: [--connections 64] [--duration 25s] [--warmup 1s] [--rate 0] [--users 8] [--phase-file FILE --phase NAME]");
        return 2;
}
