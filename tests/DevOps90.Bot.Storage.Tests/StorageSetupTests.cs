namespace DevOps90.Bot.Storage.Tests;

public sealed class StorageSetupTests
{
    [Fact]
    public void DataDirectoryOf_Default_IsTheUsersDataFolder_NotTheBuildOutput()
    {
        var folder = StorageSetup.DataDirectoryOf(new StorageOptions());

        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.Equal(Path.Combine(userData, "devops90-bot"), folder);
        Assert.False(folder.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal), $"{folder} is inside the build output");
    }

    [Fact]
    public void DataDirectoryOf_RelativePath_IsTakenFromTheCurrentDirectory()
    {
        var folder = StorageSetup.DataDirectoryOf(new StorageOptions { DataDirectory = "bot-data" });

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "bot-data"), folder);
    }
}
