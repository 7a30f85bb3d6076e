namespace DevOps90.Bot.Core.Security;

/// <summary>
/// Where the keys that encrypt the web dashboard's cookies are kept: in the bot's database, so that a restart keeps
/// moderators signed in and every instance on one PostgreSQL reads the cookies the others wrote. Synchronous, as the
/// key ring asks for it (rarely: at the first use, then about once a day).
/// </summary>
public interface IKeyRingStore
{
    /// <summary>Every key, as the XML the key manager wrote.</summary>
    IReadOnlyList<string> All();

    /// <summary>Keeps a new key under its name; a name already kept is left as it is (keys never change).</summary>
    void Save(string name, string xml);
}
