package io.autocnn.coordinator.report;

import java.util.List;

/**
 * A small table of already formatted cells, rendered for the terminal (aligned columns, first column left, the rest
 * right) or as a Markdown table, so the two show exactly the same cells.
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
