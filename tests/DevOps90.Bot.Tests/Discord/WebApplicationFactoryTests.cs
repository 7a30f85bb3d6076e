namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// WebApplicationFactory takes the first host built in the process after it starts listening, from any thread: a
/// host another test builds at that moment would be taken instead (and disposed under it). Its tests run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebApplicationFactoryTests
{
    public const string Name = "WebApplicationFactory";
}
