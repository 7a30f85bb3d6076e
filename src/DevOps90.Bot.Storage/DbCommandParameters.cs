using System.Data.Common;

namespace DevOps90.Bot.Storage;

/// <summary>For the few statements written with ADO.NET directly (streamed reads, code outside this project).</summary>
public static class DbCommandParameters
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
