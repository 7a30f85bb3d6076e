using System.Globalization;

namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// How generated text looks in one language: a small invented word list, how words and sentences join, and the words
/// the upstream files use for "Resources" and "Day N". Nothing here is taken from the upstream lessons.
/// </summary>
internal sealed record LanguageStyle(
    string Folder,
    string ResourcesHeading,
    string DayLabelFormat,
    string WordSeparator,
    string SentenceEnd,
    string[] Words)
{
    public string DayLabel(int day) => string.Format(CultureInfo.InvariantCulture, DayLabelFormat, day);

    public static readonly LanguageStyle English = new("en", "Resources", "Day {0}", " ", ". ",
    [
        "pipeline", "container", "cluster", "deploy", "network", "storage", "build", "release", "monitor", "agent",
        "config", "service", "image", "registry", "node", "volume", "secret", "policy", "metric", "trace", "lorem",
        "ipsum", "dolor", "amet", "quickly", "every", "simple", "across", "the", "a", "with", "into", "from", "and",
    ]);

    public static readonly IReadOnlyDictionary<string, LanguageStyle> Translations = new Dictionary<string, LanguageStyle>
    {
        ["es"] = new("es", "Recursos", "Día {0}", " ", ". ",
            ["tubería", "contenedor", "clúster", "desplegar", "red", "almacén", "versión", "nodo", "servicio", "con", "para", "el", "la", "cada", "rápido", "lorem"]),
        ["pt-br"] = new("pt-br", "Recursos", "Dia {0}", " ", ". ",
            ["esteira", "contêiner", "implantar", "rede", "armazenamento", "versão", "nó", "serviço", "com", "para", "o", "a", "cada", "rápido", "ipsum"]),
        ["fr"] = new("fr", "Ressources", "Jour {0}", " ", ". ",
            ["chaîne", "conteneur", "grappe", "déployer", "réseau", "stockage", "version", "nœud", "service", "avec", "pour", "le", "la", "chaque", "d'un", "très"]),
        ["tr"] = new("tr", "Kaynaklar", "Gün {0}", " ", ". ",
            ["boru", "kapsayıcı", "küme", "dağıtım", "ağ", "depolama", "sürüm", "düğüm", "hizmet", "ile", "için", "her", "hızlı", "güncel", "lorem"]),
        ["pl"] = new("pl", "Materiały", "Dzień {0}", " ", ". ",
            ["potok", "kontener", "klaster", "wdrożenie", "sieć", "magazyn", "wersja", "węzeł", "usługa", "z", "dla", "każdy", "szybko", "źródło", "lorem"]),
        ["vi"] = new("vi", "Tài liệu tham khảo", "Ngày {0}", " ", ". ",
            ["đường", "ống", "vùng", "chứa", "cụm", "triển", "khai", "mạng", "lưu", "trữ", "phiên", "bản", "dịch", "vụ", "với", "cho", "mỗi", "nhanh"]),
        ["ja"] = new("ja", "リソース", "{0}日目", "", "。",
            ["コンテナ", "クラスタ", "ネットワーク", "設定", "構成", "配置", "監視", "の", "を", "に", "は", "する", "して", "です", "ます", "新しい"]),
        ["ko"] = new("ko", "자료", "{0}일차", " ", ". ",
            ["컨테이너", "클러스터", "네트워크", "설정", "구성", "배포", "모니터링", "서비스", "를", "은", "하는", "합니다", "새로운", "각각"]),
        ["zh_cn"] = new("zh_cn", "相关资料", "第{0}天", "", "。",
            ["容器", "集群", "网络", "配置", "部署", "监控", "服务", "的", "和", "在", "是", "我们", "使用", "新的", "每个"]),
        ["zh_tw"] = new("zh_tw", "資源", "第{0}天", "", "。",
            ["容器", "叢集", "網路", "設定", "部署", "監控", "服務", "的", "和", "在", "是", "我們", "使用", "新的", "每個"]),
    };

    public static LanguageStyle For(string folder) =>
        folder == "en" ? English : Translations[folder];
}
