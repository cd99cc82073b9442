namespace Cmms.Data.Bench.Data;

/// <summary>
///     The vocabularies the generated text is drawn from. Generators pick words with a skew (common words first), so
///     full-text searches see a realistic spread: a few very common lexemes and a long tail of rare ones.
/// </summary>
internal static class WordLists
{
    public static readonly string[] FirstNames =
    [
        "anna", "bence", "csilla", "daniel", "eva", "ferenc", "gabor", "hanna", "istvan", "julia", "kata", "laszlo",
        "maria", "norbert", "olivia", "peter", "reka", "sandor", "tamas", "zsofia", "adam", "bella", "chris", "dora",
        "emma", "frank", "grace", "henry", "iris", "jack", "lena", "marco", "nina", "oscar", "paula", "quinn",
        "rosa", "sam", "tina", "victor",
    ];

    public static readonly string[] LastNames =
    [
        "nagy", "kovacs", "toth", "szabo", "horvath", "varga", "kiss", "molnar", "nemeth", "farkas", "balogh",
        "papp", "takacs", "juhasz", "lakatos", "meszaros", "olah", "simon", "racz", "fekete", "smith", "jones",
        "miller", "brown", "garcia", "muller", "schmidt", "rossi", "novak", "dubois",
    ];

    public static readonly string[] EmailDomains = ["gmail.com", "outlook.com", "example.org", "freemail.hu", "proton.me", "company.test"];

    // Maintenance vocabulary: worksheet titles are "<problem> <component>", descriptions add observations.
    public static readonly string[] Components =
    [
        "bearing", "conveyor", "motor", "pump", "gearbox", "valve", "sensor", "belt", "spindle", "compressor",
        "hydraulic cylinder", "coolant line", "servo drive", "encoder", "chain", "clutch", "brake", "fan", "filter",
        "nozzle", "robot arm", "gripper", "welding torch", "press tool", "heating element", "thermocouple",
        "limit switch", "relay", "contactor", "frequency inverter", "plc module", "hmi panel", "air dryer", "seal",
        "shaft coupling", "lubrication unit", "vacuum pump", "transformer", "cable harness", "light curtain",
    ];

    public static readonly string[] Problems =
    [
        "noisy", "overheating", "leaking", "vibration on", "worn", "misaligned", "broken", "intermittent fault on",
        "calibration of", "replace", "inspect", "jammed", "slipping", "loose", "corroded", "tripping", "no signal from",
        "low pressure at", "cracked", "error code on",
    ];

    public static readonly string[] Observations =
    [
        "operator reported unusual noise during the night shift", "temperature above limit after two hours",
        "oil traces found under the machine", "vibration increased since last service", "parts ordered from supplier",
        "temporary fix applied, needs follow-up", "production stopped for twenty minutes", "checked wiring and connectors",
        "replaced with spare from stock", "readings drift under load", "lubrication schedule was missed",
        "safety interlock triggered twice", "firmware update recommended by vendor", "alignment checked with laser tool",
        "cleaned and reassembled", "scrap rate increased on this line", "pressure drops when the cylinder extends",
        "no fault found, monitoring for a week", "spare part out of stock", "fuse replaced, root cause unknown",
    ];

    public static readonly string[] Manufacturers =
    [
        "siemens", "abb", "fanuc", "kuka", "bosch rexroth", "festo", "schneider", "mitsubishi", "haas", "trumpf",
    ];

    public static readonly string[] MachineKinds =
    [
        "cnc lathe", "milling center", "press", "injection molder", "welding robot", "packaging line", "conveyor",
        "compressor", "laser cutter", "paint booth", "assembly cell", "test bench",
    ];

    public static readonly string[] Certifications = ["ce", "iso9001", "iso14001", "atex", "ul", "tuv"];

    public static readonly string[] LineAreas =
    [
        "assembly", "machining", "welding", "painting", "packaging", "molding", "pressing", "testing", "logistics", "finishing",
    ];

    public static readonly string[] PartNouns =
    [
        "bearing", "v-belt", "o-ring", "seal kit", "fuse", "relay", "proximity sensor", "hydraulic hose", "filter cartridge",
        "drive chain", "coupling", "gasket", "nozzle", "contactor", "encoder", "solenoid valve", "grease cartridge", "cable gland",
    ];

    public static readonly string[] TemplateAdjectives =
    [
        "golden", "classic", "modern", "floral", "rustic", "elegant", "playful", "minimal", "vintage", "starry",
        "tropical", "royal", "pastel", "neon", "boho",
    ];

    public static readonly string[] TemplateNouns = ["garden", "night", "celebration", "bloom", "party", "dream", "story", "moments", "ribbon", "lights"];

    public static readonly string[] AnimationTypes = ["none", "fade", "slide", "confetti", "parallax", "sparkle"];

    public static readonly (string Code, string Name)[] InvitationCategories =
    [
        ("wedding", "Wedding"), ("birthday", "Birthday"), ("baby_shower", "Baby shower"), ("christening", "Christening"),
        ("graduation", "Graduation"), ("anniversary", "Anniversary"), ("corporate", "Corporate event"),
        ("engagement", "Engagement"), ("housewarming", "Housewarming"), ("retirement", "Retirement"),
        ("holiday", "Holiday party"), ("memorial", "Memorial"),
    ];

    public static readonly (string Code, string Name, decimal Price)[] Plans =
    [
        ("free", "Free", 0m), ("basic", "Basic", 9.90m), ("standard", "Standard", 19.90m), ("premium", "Premium", 39.90m),
        ("business", "Business", 99.00m), ("legacy", "Legacy", 14.90m),
    ];

    public static readonly string[] Roles = ["admin", "technician", "ml_engineer", "customer"];

    public static readonly (string Type, double Weight)[] ActivityTypes =
    [
        ("login", 40), ("view_dashboard", 20), ("view_invitation", 14), ("create_order", 8), ("update_profile", 5),
        ("search", 6), ("api_token_created", 2), ("export_report", 2), ("logout", 2), ("password_reset", 1),
    ];

    public static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/17.5",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5) Mobile/15E148", "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile",
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/127.0", "okhttp/4.12.0",
    ];

    public static readonly string[] Languages = ["hu", "en", "de", "fr", "es", "it", "pl", "ro"];

    public static readonly string[] ApiEndpoints =
    [
        "/api/v1/tracks/search", "/api/v1/tracks/{id}", "/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/invitations",
        "/api/v1/invitations/{id}/guests", "/api/v1/experiments", "/api/v1/experiments/{id}/runs", "/api/v1/datasets",
        "/api/v1/machines/{id}", "/api/v1/worksheets", "/api/v1/users/me", "/api/v1/health", "/api/v1/artists/{id}",
        "/api/v1/discovery/recommendations", "/api/v1/templates",
    ];

    public static readonly (int Code, double Weight)[] StatusCodes =
    [
        (200, 86), (201, 5), (204, 2), (400, 2), (401, 1.5), (404, 2), (429, 0.8), (500, 0.5), (503, 0.2),
    ];

    public static readonly string[] MlModels =
    [
        "resnet50", "resnet18", "efficientnet_b0", "vit_base", "bert_base", "distilbert", "gpt2_small", "xgboost",
        "lightgbm", "random_forest", "lstm", "unet", "yolov8n", "t5_small", "mobilenet_v3",
    ];

    public static readonly string[] Optimizers = ["adam", "adamw", "sgd", "rmsprop", "lamb"];

    public static readonly string[] Schedulers = ["cosine", "step", "linear", "onecycle", "plateau"];

    public static readonly string[] DatasetDomains =
    [
        "imagenet-subset", "cifar10", "sensor-vibration", "churn", "reviews-sentiment", "defect-images", "demand-forecast",
        "track-audio-features", "fraud-transactions", "maintenance-logs",
    ];

    public static readonly string[] TagWords =
    [
        "baseline", "production", "ablation", "sweep", "best", "debug", "reproduce", "paper", "gpu", "cpu", "fp16",
        "distributed", "augmented", "pretrained", "finetune", "legacy", "nightly", "candidate", "rejected", "archived",
    ];

    // Track and artist vocabulary for the music search.
    public static readonly string[] TitleWords =
    [
        "love", "night", "heart", "fire", "dream", "dance", "light", "summer", "rain", "blue", "home", "time", "gold",
        "wild", "forever", "city", "moon", "river", "shadow", "storm", "ocean", "midnight", "echo", "paradise", "silver",
        "highway", "velvet", "electric", "ghost", "crystal", "thunder", "whisper", "horizon", "neon", "winter", "sugar",
        "runaway", "diamond", "mirror", "garden", "satellite", "lullaby", "harbor", "canyon", "lantern", "meadow",
        "voltage", "saffron", "glacier", "ember", "orbit", "cascade", "prism", "monsoon", "tundra", "zephyr", "solstice",
        "labyrinth", "aurora", "mirage", "nocturne", "serenade", "vertigo", "wanderlust", "kaleidoscope", "reverie",
    ];

    public static readonly string[] ArtistWords =
    [
        "the", "velvet", "echoes", "dj", "nova", "black", "keys", "lunar", "tides", "broken", "arrows", "golden", "hour",
        "neon", "wolves", "static", "bloom", "paper", "kites", "crimson", "parade", "silent", "avenue", "atlas", "orchestra",
    ];

    public static readonly string[] Genres =
    [
        "pop", "rock", "hip-hop", "electronic", "jazz", "classical", "indie", "folk", "metal", "rnb", "country",
        "reggae", "blues", "soul", "punk", "ambient", "techno", "house", "latin", "k-pop", "synthwave", "funk",
        "disco", "gospel", "lo-fi",
    ];

    public static readonly string[] Moods = ["happy", "sad", "energetic", "calm", "dark", "romantic", "epic", "chill"];

    public static readonly string[] MusicalKeys =
    [
        "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B",
        "Cm", "C#m", "Dm", "D#m", "Em", "Fm", "F#m", "Gm", "G#m", "Am", "A#m", "Bm",
    ];

    public static readonly string[] Countries = ["HU", "US", "GB", "DE", "SE", "FR", "KR", "JP", "BR", "NG"];

    public static readonly (string Source, double Weight)[] TrackSources =
    [
        ("spotify", 50), ("youtube", 25), ("soundcloud", 15), ("bandcamp", 10),
    ];

    /// <summary>Words joined by spaces, each picked with a skew (common words first).</summary>
    public static string Phrase(SeededRandom random, IReadOnlyList<string> words, int count, double exponent = 1.6)
    {
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = random.PickSkewed(words, exponent);
        }

        return string.Join(' ', parts);
    }
}
