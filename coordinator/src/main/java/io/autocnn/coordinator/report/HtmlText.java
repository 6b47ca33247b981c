package io.autocnn.coordinator.report;

/** Text placed in HTML, escaped so that no character of it reads as markup. */
final class HtmlText {

    private HtmlText() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
