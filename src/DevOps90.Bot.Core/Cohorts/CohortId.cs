namespace DevOps90.Bot.Core.Cohorts;

/// <summary>A study group's id, chosen by whoever creates it ("paris-evenings").</summary>
public readonly record struct CohortId(string Value)
{
    public override string ToString() => Value;
}
