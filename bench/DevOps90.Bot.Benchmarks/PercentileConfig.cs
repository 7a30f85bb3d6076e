using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// Median, P95 and P99 next to the mean. BenchmarkDotNet computes them over iterations (each the mean of many calls),
/// not over single calls; the <c>latency</c> verb gives per-call percentiles.
/// </summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, new P99Column());

    /// <summary>BenchmarkDotNet predefines P0-P100 in steps but no P99.</summary>
    private sealed class P99Column : IColumn
    {
        public string Id => nameof(P99Column);

        public string ColumnName => "P99";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        /// <summary>After the built-in percentiles, whatever rank they have in the category.</summary>
        public int PriorityInCategory => StatisticColumn.P95.PriorityInCategory + 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => "Percentile 99: 99% of the iterations are not slower than this";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null)
            {
                return "NA";
            }

            // The summary normally picks one unit for the whole table; the same one here keeps the column comparable.
            var nanoseconds = statistics.Percentiles.Percentile(99);
            var unit = style.TimeUnit ?? TimeUnit.GetBestTimeUnit(nanoseconds);
            var value = TimeUnit.Convert(nanoseconds, TimeUnit.Nanosecond, unit);
            var number = value.ToString(value >= 100 ? "N1" : value >= 10 ? "N2" : "N3", CultureInfo.InvariantCulture);
            return style.PrintUnitsInContent ? $"{number} {unit.Abbreviation}" : number;
        }
    }
}
