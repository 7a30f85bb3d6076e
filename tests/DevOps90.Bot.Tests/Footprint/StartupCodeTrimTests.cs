using Microsoft.Extensions.Configuration;

namespace DevOps90.Bot.Tests.Footprint;

/// <summary>Which mappings the bot asks the kernel to take back after its start: only read-only ones of its own files.</summary>
public sealed class StartupCodeTrimTests
{
    private static readonly string[] Maps =
    [
        "55d1c0000000-55d1c0056000 r--p 00000000 fe:00 12100192                   /app/DevOps90.Bot",
        "55d1c0056000-55d1c148e000 r-xp 00056000 fe:00 12100192                   /app/DevOps90.Bot",
        "55d1c2862000-55d1c2923000 rw-p 02862000 fe:00 12100192                   /app/DevOps90.Bot",
        "55d1c2923000-55d1c36f5000 rw-p 00000000 00:00 0 ",
        "7f81ee000000-7f81ee091000 r-xp 00000000 fe:00 12100200                   /app/libe_sqlite3.so",
        "7f81ef000000-7f81ef561000 r--p 00000000 fe:00 3000                       /usr/lib/x86_64-linux-gnu/libicudata.so.72.1",
        "7f81f0000000-7f81f0001000 r--p 00000000 fe:00 12100201                   /app/old build.so (deleted)",
        "7f81f1000000-7f81f1002000 r--p 00000000 fe:00 12100202                   /app/my files/notes.txt",
        "7f81f2000000-7f81f2001000 r--p 00000000 fe:00 12100203                   /application/other.so",
        "7ffd1c000000-7ffd1c021000 rw-p 00000000 00:00 0                          [stack]",
    ];

    [Fact]
    public void Only_read_only_mappings_of_files_in_the_bots_folder_are_taken()
    {
        var ranges = StartupCodeTrim.OwnReadOnlyFileMappings(Maps, "/app/").ToList();

        Assert.Equal(
        [
            (unchecked((nint)0x55d1c0000000), (nuint)0x56000),
            (unchecked((nint)0x55d1c0056000), (nuint)0x1438000),
            (unchecked((nint)0x7f81ee000000), (nuint)0x91000),
            (unchecked((nint)0x7f81f1000000), (nuint)0x2000),
        ], ranges);
    }

    [Fact]
    public void The_folder_matches_with_or_without_its_trailing_separator()
    {
        Assert.Equal(4, StartupCodeTrim.OwnReadOnlyFileMappings(Maps, "/app").Count());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void It_is_on_unless_turned_off(string? setting, bool enabled)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Process:TrimCodeAfterStart"] = setting })
            .Build();

        Assert.Equal(enabled, StartupCodeTrim.IsEnabled(configuration));
    }

    [Fact]
    public void A_value_that_is_neither_true_nor_false_stops_the_start_naming_the_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Process:TrimCodeAfterStart"] = "maybe" })
            .Build();

        var failure = Assert.Throws<StartupSettingException>(() => StartupCodeTrim.IsEnabled(configuration));

        Assert.Equal("Process:TrimCodeAfterStart: 'maybe' is neither true nor false.", failure.Message);
    }
}
