using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.StudyGroups;

/// <summary>
/// Adapter tests check the commands of <see cref="CommandCatalogue"/> (Discord's payload contract among them); this
/// keeps that catalogue the host's own, so a command added to the host is checked there too.
/// </summary>
public sealed class CommandCatalogueTests
{
    [Fact]
    public async Task Definitions_SameAsTheHostRegisters()
    {
        await using var host = new TestHost();

        var registered = host.Services.GetRequiredService<CommandDispatcher>().Commands;

        Assert.Equal(registered.Select(Describe), CommandCatalogue.Definitions().Select(Describe));
    }

    // The definitions hold immutable arrays, which compare by reference; their text compares every name and option.
    private static string Describe(CommandDefinition command) =>
        $"{command.Name} (moderators: {command.ForModerators}) {Describe(command.Options)} "
        + string.Join(" ", command.Subcommands.Select(subcommand => subcommand.Name + " " + Describe(subcommand.Options)));

    private static string Describe(IEnumerable<CommandOption> options) => $"[{string.Join(", ", options)}]";
}
