namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Known XSS vectors, each carrying its own marker (xssN) so a leak found in an output can be traced back to the
/// vector that caused it. Written for these tests; modelled on the usual filter-evasion families.
/// </summary>
internal static class XssVectors
{
    public static readonly string[] All =
    [
        "<script>alert('xss0')</script>",
        "<SCRIPT SRC=http://evil.example/xss1.js></SCRIPT>",
        "<img src=x onerror=alert('xss2')>",
        "<IMG SRC=\"javascript:alert('xss3');\">",
        "<a href=\"javascript:alert('xss4')\">click</a>",
        "<a href=\"JaVaScRiPt:alert('xss5')\">click</a>",
        "<a href=\"jav&#x09;ascript:alert('xss6')\">tab</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('xss7')\">entities</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzOCcpPC9zY3JpcHQ+\">xss8</a>",
        "<svg onload=alert('xss9')>",
        "<svg><script>alert('xss10')</script></svg>",
        "<body onload=alert('xss11')>",
        "<div style=\"background:url(javascript:alert('xss12'))\">x</div>",
        "<div style=\"width: expression(alert('xss13'))\">x</div>",
        "&lt;script&gt;alert('xss14')&lt;/script&gt;",
        "&amp;lt;script&amp;gt;alert('xss15')&amp;lt;/script&amp;gt;",
        "<scr<script>ipt>alert('xss16')</scr</script>ipt>",
        "<img src=\"x\" onerror=\"alert('xss17')\"",
        "<iframe src=\"javascript:alert('xss18')\"></iframe>",
        "<iframe srcdoc=\"<script>alert('xss19')</script>\"></iframe>",
        "<object data=\"javascript:alert('xss20')\"></object>",
        "<embed src=\"data:image/svg+xml,<svg onload=alert('xss21')>\">",
        "<form action=\"javascript:alert('xss22')\"><input type=submit></form>",
        "<button formaction=\"javascript:alert('xss23')\">go</button>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss24')>",
        "<details open ontoggle=alert('xss25')>",
        "<a href=\"  javascript:alert('xss26')\">space</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss27')\">",
        "<base href=\"javascript:alert('xss28')//\">",
        "\"><script>alert('xss29')</script>",
        "'><img src=x onerror=alert('xss30')>",
        "<style>@import 'http://evil.example/xss31.css';</style>",
        "<a href=\"vbscript:msgbox('xss32')\">vb</a>",
        "<video><source onerror=\"alert('xss33')\"></video>",
        "<!--<img src=\"--><img src=x onerror=alert('xss34')//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert('xss35')>\"></noscript>",
        "<a href=\"java\0script:alert('xss36')\">nul</a>",
        "<img src=`x` onerror=alert('xss37')>",
        "<link rel=stylesheet href=\"javascript:alert('xss38')\">",
        "<svg><a xlink:href=\"javascript:alert('xss39')\"><text>x</text></a></svg>",
    ];

    /// <summary>The marker that ties output back to vector <paramref name="index"/>.</summary>
    public static string Marker(int index) => $"xss{index}";
}
