package org.infomorph.runtime.report;

import java.util.Base64;

/**
 * Renders a {@link Report} as one self-contained HTML page: inline CSS, every plot an
 * {@code <img>} with a {@code data:} URI, no script, no font, no stylesheet and no image from
 * elsewhere, so it reads the same offline. Links point only to files beside the page.
 */
public final class HtmlReport {
    private HtmlReport() {}

    private static final String CSS = """
            body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:1em 2em;color:#222}
            h1{margin-bottom:0}.sub{color:#666;margin-top:.2em}nav a{margin-right:1em}
            table{border-collapse:collapse;margin:.6em 0 1em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
            th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}
            figure{margin:1em 0}img{max-width:100%;border:1px solid #eee}figcaption{color:#555;font-size:90%}
            .warn{background:#fff3f0;border-left:4px solid #c0392b;padding:.4em .8em}code{font-size:90%}
            """;

    public static String render(Report r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<meta name=\"viewport\" content=\"width=device-width\"><title>").append(esc(r.title())).append("</title>");
        h.append("<style>").append(CSS).append("</style></head>\n<body>\n");
        h.append("<h1>").append(esc(r.title())).append("</h1>\n<p class=\"sub\">").append(esc(r.subtitle())).append("</p>\n<nav>");
        for (Report.Section s : r.sections()) h.append("<a href=\"#").append(esc(s.id())).append("\">").append(esc(s.title())).append("</a>");
        h.append("</nav>\n");
        for (Report.Section s : r.sections()) {
            h.append("<section id=\"").append(esc(s.id())).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n");
            for (Report.Block b : s.blocks()) block(h, b);
            h.append("</section>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void block(StringBuilder h, Report.Block b) {
        if (b instanceof Report.Text t) {
            h.append(t.warning() ? "<p class=\"warn\">" : "<p>").append(esc(t.text())).append("</p>\n");
        } else if (b instanceof Report.Table t) {
            h.append("<table id=\"table-").append(esc(t.id())).append("\"><thead><tr>");
            for (String c : t.header()) h.append("<th>").append(esc(c)).append("</th>");
            h.append("</tr></thead><tbody>\n");
            for (var row : t.rows()) {
                h.append("<tr>");
                for (String c : row) h.append("<td>").append(esc(c)).append("</td>");
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        } else if (b instanceof Report.Plot p) {
            figure(h, "plot-" + p.id(), p.title(), PlotImage.dataUri(p));
        } else if (b instanceof Report.Image i) {
            figure(h, "image-" + i.id(), i.caption(), "data:image/png;base64," + Base64.getEncoder().encodeToString(i.png()));
        } else if (b instanceof Report.Link l) {
            h.append("<p><a href=\"").append(esc(relative(l.href()))).append("\">").append(esc(l.text())).append("</a></p>\n");
        }
    }

    private static void figure(StringBuilder h, String id, String caption, String src) {
        h.append("<figure id=\"").append(esc(id)).append("\"><img alt=\"").append(esc(caption)).append("\" src=\"").append(src)
                .append("\"><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
    }

    /** A link must stay beside the report: no scheme, no absolute path (the page makes no request elsewhere). */
    static String relative(String href) {
        if (href.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") || href.startsWith("/") || href.startsWith("\\"))
            throw new IllegalArgumentException("report link " + href + " is not a relative path");
        return href;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
