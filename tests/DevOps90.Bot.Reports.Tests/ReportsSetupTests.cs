using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Reports.Charts;
using DevOps90.Bot.Reports.Csv;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Reports.Tests;

public sealed class ReportsSetupTests
{
    [Fact]
    public void AddReports_RegistersBothAsSingletons()
    {
        var services = new ServiceCollection().AddReports();

        var csv = Assert.Single(services, service => service.ServiceType == typeof(ICheckInCsvWriter));
        Assert.Equal(typeof(CheckInCsvWriter), csv.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, csv.Lifetime);
        var charts = Assert.Single(services, service => service.ServiceType == typeof(IParticipationCharts));
        Assert.Equal(typeof(ScottPlotParticipationCharts), charts.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, charts.Lifetime);
    }
}
