using System.Diagnostics;
using System.Globalization;
using DevOps90.Bot.Content;

namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// The <c>memory</c> verb: managed heap held by the index of the synthetic repository (target: under 50 MB). A first
/// load warms up the statics (Markdig pipeline, regexes, YamlDotNet caches) and is dropped, so the second measures the
/// index itself; the first figure is printed too, as the cost the bot pays once at start.
/// </summary>
internal static class MemoryReport
{
    public static int Run(TextWriter output)
    {
        var repository = SyntheticRepository.EnsureInTempFolder();
        ContentSourceOptions[] sources = [new ContentSourceOptions { Path = repository }];

        var beforeFirst = GC.GetTotalMemory(forceFullCollection: true);
        var firstLoad = Stopwatch.StartNew();
        var first = ContentLoader.Load(sources);
        firstLoad.Stop();
        var afterFirst = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(first);
        first = null;

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var secondLoad = Stopwatch.StartNew();
        var index = ContentLoader.Load(sources);
        secondLoad.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var lessons = index.Curricula.Sum(curriculum => curriculum.Lessons.Length);
        output.WriteLine($"repository: {repository}");
        output.WriteLine($"curricula: {index.Curricula.Length}, lessons: {lessons}, diagnostics: {index.Diagnostics.Length}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retained by the index: {Megabytes(after - before):0.00} MB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retained by the first load (index + warmed statics): {Megabytes(afterFirst - beforeFirst):0.00} MB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap with the index alive: {Megabytes(after):0.00} MB"));
        output.WriteLine($"load time: first in this process {firstLoad.ElapsedMilliseconds} ms, second {secondLoad.ElapsedMilliseconds} ms");
        foreach (var curriculum in index.Curricula)
        {
            output.WriteLine($"  {curriculum.Id} {curriculum.Language,-6} {curriculum.Lessons.Length,3} lessons");
        }

        foreach (var diagnostic in index.Diagnostics)
        {
            output.WriteLine($"  {diagnostic}");
        }

        GC.KeepAlive(index);
        return 0;
    }

    private static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;
}
