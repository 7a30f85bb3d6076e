using DevOps90.Bot.LoadTest;

// usage: DevOps90.Bot.LoadTest OUTDIR [DAYS]
// Writes OUTDIR/public-key.hex, private-key.hex, day.lua (wrk) and day-2.{body,timestamp,signature} (curl check).
switch (args)
{
    case [var outputFolder]:
        return SignedRequests.Write(outputFolder, days: 90, Console.Out);
    case [var outputFolder, var daysText] when int.TryParse(daysText, out var days) && days is >= 1 and <= 90:
        return SignedRequests.Write(outputFolder, days, Console.Out);
    default:
        Console.Error.WriteLine("usage: DevOps90.Bot.LoadTest OUTDIR [DAYS 1-90]");
        return 2;
}
