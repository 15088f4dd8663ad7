using System.Text.RegularExpressions;

namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// Patterns for blocks that are not story text: chrome, credits, prompts and footers.
/// Each pattern is general (no site names); length limits keep them from eating story sentences.
/// </summary>
internal static partial class BoilerplateRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // "By REUTERS", "By Jane Doe and John Roe", "By Jane Doe, Reuters" — capitalised names only.
    [GeneratedRegex(@"^(?i:by)\s+(?<who>[\p{Lu}][\p{L}'’.\-]*(?:\s+(?:[\p{Lu}][\p{L}'’.\-]*|and|&|of|the|de|al|bin|van|von|la|le|du|da|el))*)\s*(?:[,|/]\s*(?<org>[\p{Lu}][\p{L}'’.\- ]{1,40}))?\s*$", RegexOptions.CultureInvariant)]
    public static partial Regex Byline();

    [GeneratedRegex(@"\((?:photo|image|picture|video)s?\s*(?:credit)?s?\s*:|\b(?:photo|photograph|image|picture)s?\s+(?:by|credit|courtesy)\b|^\s*(?:photo|image|picture|file photo)\s*:|/\s*(?:getty images|afp|reuters|ap photo|epa|shutterstock|anadolu)\b|\((?:ap|afp|reuters|getty images|epa)(?: photo)?(?:/[^)]*)?\)\s*$|\bap photo/", Options)]
    public static partial Regex Caption();

    [GeneratedRegex(@"^\(?\s*(?:photo\s*)?credit\s*:", Options)]
    public static partial Regex CreditOnly();

    [GeneratedRegex(@"\b(?:originally|first)\s+(?:published|appeared|ran)\s+(?:by|on|in|at)\s+(?<src>.+?)(?:\s+and\s+is\s+(?:re)?(?:printed|published|posted|used)|\s+(?:on|in)\s+\w+\s+\d|[.,;(]|$)|\b(?:re-?published|reprinted|republished)\s+(?:here\s+)?(?:with\s+permission\s+)?(?:from|of|by)\s+(?<src2>.+?)(?:\s+with\s+permission|[.,;(]|$)", Options)]
    public static partial Regex Republication();

    [GeneratedRegex(@"\bjoin\s+(?:our|us)\b.{0,80}?\b(?:telegram|whatsapp|signal|viber|discord|facebook|instagram|youtube|google news)\b|\bfollow\s+(?:us|[\p{Lu}][\w&.\-]*(?:\s+[\p{Lu}][\w&.\-]*)*)\s+on\s+(?:twitter|facebook|instagram|telegram|tiktok|x|youtube|linkedin|google news)\b|\bdownload\s+(?:our|the)\s+(?:\w+\s+)?app\b|\bget\s+the\s+(?:\w+\s+)?app\b", Options)]
    public static partial Regex ChannelPromotion();

    [GeneratedRegex(@"\b(?i:join\s+(?:our|us))\s+(?:[\p{Ll}\-]+\s+)*(?<name>[\p{Lu}][\w&.\-]*(?:\s+[\p{Lu}][\w&.\-]*)*)\s+(?i:telegram|whatsapp|signal|viber|discord|facebook|instagram|youtube)\b|\b(?i:follow)\s+(?<name>[\p{Lu}][\w&.\-]*(?:\s+[\p{Lu}][\w&.\-]*)*)\s+(?i:on)\s+(?i:twitter|facebook|instagram|telegram|tiktok|x|youtube|linkedin)\b", RegexOptions.CultureInvariant)]
    public static partial Regex PromotedName();

    [GeneratedRegex(@"^(?:subscribe|sign\s*up|signup|register)\b|\bnewsletters?\b|\bby subscribing\b|\benter your e-?mail\b|\bsubscribe (?:to|for|now)\b|\bunsubscribe\b", Options)]
    public static partial Regex Newsletter();

    [GeneratedRegex(@"^(?:tags|tagged|topics|related topics|keywords|filed under)\b\s*[:\-–]?", Options)]
    public static partial Regex Tags();

    [GeneratedRegex(@"^(?:most\s+(?:read|popular|viewed|shared|commented)|hot\s+opinion|top\s+stories|trending(?:\s+now)?|editor'?s?\s+picks|latest\s+(?:news|stories)|more\s+(?:stories|news|from\s+[\p{L} ]+)|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|you\s+might\s+also\s+like|sponsored(?:\s+content)?|promo(?:ted)?\s+content|from\s+around\s+the\s+web|popular\s+now)\s*:?$", Options)]
    public static partial Regex ListHeading();

    [GeneratedRegex(@"^(?:related(?:\s+(?:news|articles?|stories|story|coverage|content|links?|reading))?|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?)\s*:?$", Options)]
    public static partial Regex RelatedHeading();

    [GeneratedRegex(@"^(?:read(?:\s+(?:more|also|next))?|also\s+read|see\s+also|related|opinion|analysis|watch|listen|video|podcast|explainer|live|more|recommended|editorial|comment)\s*[:|»>–—-]\s*\S", Options)]
    public static partial Regex LinkLine();

    [GeneratedRegex(@"^(?:advertisement|advertising|sponsored|ad|story continues below(?: advertisement)?|continue reading (?:below|the main story))\s*$", Options)]
    public static partial Regex Advertisement();

    [GeneratedRegex(@"^(?:note\s*:\s*)?(?:this\s+(?:page|article|story|report|post)\s+(?:was|has\s+been|is)\s+(?:last\s+)?(?:updated|corrected|amended|changed))|^(?:updated|last\s+updated|correction|editor'?s\s+note)\s*[:\-–]", Options)]
    public static partial Regex PageUpdate();

    [GeneratedRegex(@"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)|all\s+rights\s+reserved", Options)]
    public static partial Regex Copyright();

    [GeneratedRegex(@"(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*(?<holder>[\p{L}][\p{L}\p{N}&.'’\- /]{1,60}?)(?:\.?\s*(?:inc|ltd|llc|plc|corp|gmbh|limited|group|media)\b\.?)?\s*(?:[.,•|]|all\s+rights|$)", Options)]
    public static partial Regex CopyrightHolder();

    // Cookie notices speak to the reader ("we use cookies", "by clicking you agree"); a story about cookies does not.
    [GeneratedRegex(@"\b(?:we|this\s+(?:site|website))\s+uses?\s+(?:[\w-]+\s+){0,6}cookies\b|\bcookies?\b.*\b(?:you\s+(?:agree|accept|consent)|by\s+(?:clicking|continuing|using))|\b(?:e-?mail|fax|telephone|tel)\s*:\s*\S", Options)]
    public static partial Regex FooterNotice();

    [GeneratedRegex(@"\bterms\s+of\s+(?:use|service)\b|\bprivacy\s+policy\b|\bcontact\s+us\b|\babout\s+us\b", Options)]
    public static partial Regex FooterLinks();

    [GeneratedRegex(@"^(?:\(?\s*reporting\s+by\b|additional\s+reporting\s+by\b|writing\s+by\b|editing\s+by\b|compiled\s+by\b|with\s+(?:inputs|reporting)\s+from\b|source\s*:|[-–—]\s*\p{Lu})", Options)]
    public static partial Regex WireCredit();

    // A dateline credit opening the first paragraph: "BAGHDAD (Reuters) -", "(AP) —".
    [GeneratedRegex(@"^(?:[\p{Lu}][\p{L} .,'’/\-]{0,60}?\s*)?\((?<agency>[\p{L}][\p{L} .\-]{0,40})\)\s*[-–—:]", RegexOptions.CultureInvariant)]
    public static partial Regex DatelineCredit();

    [GeneratedRegex(@"^\s*date\s+(?<date>\d{4}-\d{2}-\d{2})\b[ \t]*", Options)]
    public static partial Regex DatePrefix();
}
