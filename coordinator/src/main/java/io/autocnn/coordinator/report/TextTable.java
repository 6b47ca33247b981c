package io.autocnn.coordinator.report;

import java.util.List;

/**
 * A small table of already formatted cells, rendered for the terminal (aligned columns, first column left, the rest
 * right), as a Markdown table or as an HTML table, so all show exactly the same cells.
 */
public record TextTable(List<String> header, List<List<String>> rows) {

    public TextTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, the header "
                        + header.size());
            }
        }
    }

    public String terminal() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder(line(header, widths)).append('\n');
        text.append("-".repeat(line(header, widths).length())).append('\n');
        rows.forEach(row -> text.append(line(row, widths)).append('\n'));
        return text.toString();
    }

    public String markdown() {
        StringBuilder text = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int c = 0; c < header.size(); c++) {
            text.append(c == 0 ? "---|" : "---:|");
        }
        text.append('\n');
        rows.forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return text.toString();
    }

    public String html() {
        StringBuilder text = new StringBuilder("<table>\n<tr>");
        header.forEach(cell -> text.append("<th>").append(HtmlText.escape(cell)).append("</th>"));
        text.append("</tr>\n");
        for (List<String> row : rows) {
            text.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                text.append(c == 0 ? "<td>" : "<td class=\"number\">").append(HtmlText.escape(row.get(c)))
                        .append("</td>");
            }
            text.append("</tr>\n");
        }
        return text.append("</table>\n").toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                text.append("  ");
            }
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            text.append(c == 0 ? cell + padding : padding + cell);
        }
        return text.toString().stripTrailing();
    }
}
