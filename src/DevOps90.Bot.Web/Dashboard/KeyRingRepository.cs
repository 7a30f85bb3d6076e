using System.Xml.Linq;
using DevOps90.Bot.Core.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>Data protection's key ring read from and written to <see cref="IKeyRingStore"/> (the bot's database).</summary>
internal sealed class KeyRingRepository(IKeyRingStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. store.All().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) => store.Save(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
