using System.Globalization;
using DevOps90.Bot.LoadTest;
using DevOps90.Bot.LoadTest.Fanout;
using DevOps90.Bot.LoadTest.Slack;

// usage: DevOps90.Bot.LoadTest OUTDIR [DAYS]
//   Writes OUTDIR/public-key.hex, private-key.hex, day.lua (wrk) and day-2.{body,timestamp,signature} (curl check).
// usage: DevOps90.Bot.LoadTest slack-stub PORT | slack-check URL SECRET | slack-load URL SECRET [options]
//   The Slack tools of bench/slack-load.sh: a users.info stub, the checks before a load, and the load (SlackLoadOptions).
// usage: DevOps90.Bot.LoadTest fanout BOTDIR WORKDIR [options]
//   One run of bench/fanout-load.sh: N cohorts due at once, posted by the host to a rate-limited fake Discord (FanoutOptions).
switch (args)
{
    case ["slack-stub", var portText] when int.TryParse(portText, CultureInfo.InvariantCulture, out var port):
        return await SlackApiStub.RunAsync(port, Console.Out);
    case ["slack-check", var url, var secret] when Uri.TryCreate(url, UriKind.Absolute, out var uri):
        return await SlackCheck.RunAsync(uri, secret, Console.Out);
    case ["slack-load", var url, var secret, .. var rest]:
        return SlackLoadOptions.Parse(url, secret, rest, Console.Error) is { } options
            ? await new SlackLoad(options, Console.Out).RunAsync()
            : 2;
    case ["fanout", var botDirectory, var workDirectory, .. var rest]:
        return FanoutOptions.Parse(botDirectory, workDirectory, rest, Console.Error) is { } fanout
            ? await new FanoutRun(fanout, Console.Out).RunAsync()
            : 2;
    case [var outputFolder]:
        return SignedRequests.Write(outputFolder, days: 90, Console.Out);
    case [var outputFolder, var daysText] when int.TryParse(daysText, out var days) && days is >= 1 and <= 90:
        return SignedRequests.Write(outputFolder, days, Console.Out);
    default:
        Console.Error.WriteLine("usage: DevOps90.Bot.LoadTest OUTDIR [DAYS 1-90]");
        Console.Error.WriteLine("       DevOps90.Bot.LoadTest slack-stub PORT | slack-check URL SECRET");
        Console.Error.WriteLine("       DevOps90.Bot.LoadTest fanout BOTDIR WORKDIR [--cohorts 1000] [--latency-ms 300] [--lead 60] [--label NAME]");
        Console.Error.WriteLine("       DevOps90.Bot.LoadTest slack-load URL SECRET [--connections 64] [--duration 25s] [--warmup 1s] [--rate 0] [--users 8] [--phase-file FILE --phase NAME]");
        return 2;
}
