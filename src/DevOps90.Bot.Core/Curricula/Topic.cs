namespace DevOps90.Bot.Core.Curricula;

/// <summary>A group of consecutive days on one subject, as the curriculum's index arranges them.</summary>
public sealed record Topic(string Name, int FirstDay, int LastDay)
{
    public bool Contains(int day) => day >= FirstDay && day <= LastDay;
}
