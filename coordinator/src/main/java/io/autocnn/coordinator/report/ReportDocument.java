package io.autocnn.coordinator.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A report written once and rendered twice, as Markdown (images linked) and as one self-contained HTML page
 * (images embedded), so both always say the same.
 */
public final class ReportDocument {

    /** One part of the report, in both renderings. */
    private interface Block {
        String markdown();

        /** {@code directory} holds the report's images. */
        String html(Path directory) throws IOException;
    }

    private record Heading(String text) implements Block {
        public String markdown() {
            return "## " + text + "\n\n";
        }

        public String html(Path directory) {
            return "<h2>" + HtmlText.escape(text) + "</h2>\n";
        }
    }

    private record Paragraph(String text) implements Block {
        public String markdown() {
            return text + "\n\n";
        }

        public String html(Path directory) {
            return "<p>" + HtmlText.escape(text) + "</p>\n";
        }
    }

    /** A line to copy exactly, such as the command that produced the report. */
    private record Code(String label, String code) implements Block {
        public String markdown() {
            return label + ": `" + code + "`\n\n";
        }

        public String html(Path directory) {
            return "<p>" + HtmlText.escape(label) + ": <code>" + HtmlText.escape(code) + "</code></p>\n";
        }
    }

    private record Table(TextTable table) implements Block {
        public String markdown() {
            return table.markdown() + "\n";
        }

        public String html(Path directory) {
            return table.html();
        }
    }

    /** A PNG file in the report's folder. */
    private record Image(String description, String fileName) implements Block {
        public String markdown() {
            return "![" + description + "](" + fileName + ")\n\n";
        }

        public String html(Path directory) throws IOException {
            String png = Base64.getEncoder().encodeToString(Files.readAllBytes(directory.resolve(fileName)));
            return "<figure><img alt=\"" + HtmlText.escape(description) + "\" src=\"data:image/png;base64," + png
                    + "\"><figcaption>" + HtmlText.escape(description) + "</figcaption></figure>\n";
        }
    }

    private static final String STYLE = "body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em}"
            + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px}"
            + "th{background:#f3f3f3}td.number{text-align:right}img{max-width:100%}code{background:#f3f3f3}";

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title) {
        this.title = title;
    }

    public ReportDocument section(String heading) {
        blocks.add(new Heading(heading));
        return this;
    }

    public ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public ReportDocument code(String label, String code) {
        blocks.add(new Code(label, code));
        return this;
    }

    public ReportDocument table(TextTable table) {
        blocks.add(new Table(table));
        return this;
    }

    public ReportDocument image(String description, String fileName) {
        blocks.add(new Image(description, fileName));
        return this;
    }

    public String markdown() {
        StringBuilder text = new StringBuilder("# ").append(title).append("\n\n");
        blocks.forEach(block -> text.append(block.markdown()));
        return text.toString();
    }

    /** The page, reading the images from {@code directory} to embed them. */
    public String html(Path directory) throws IOException {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(HtmlText.escape(title)).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(HtmlText.escape(title)).append("</h1>\n");
        for (Block block : blocks) {
            page.append(block.html(directory));
        }
        return page.append("</body>\n</html>\n").toString();
    }
}
