package io.autocnn.coordinator.report;

import io.autocnn.coordinator.experiment.ScrambleOutcome;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scrambling experiment's result: test accuracy of every model on original and scrambled images, as a terminal
 * table, {@code accuracy.md}, {@code accuracy.csv} (fractions) and {@code accuracy.png} (grouped bars).
 */
public final class ScrambleReport {

    public static final String CSV = "accuracy.csv";
    public static final String MARKDOWN = "accuracy.md";
    public static final String PLOT = "accuracy.png";
    public static final String CSV_HEADER = "model,original_test_accuracy,scrambled_test_accuracy,change";

    private ScrambleReport() {
    }

    public static TextTable table(List<ScrambleOutcome> outcomes) {
        List<List<String>> rows = outcomes.stream().map(o -> List.of(o.model(), Percent.of(o.originalAccuracy()),
                Percent.of(o.scrambledAccuracy()), String.format(Locale.ROOT, "%+.2f pp", 100 * o.change()))).toList();
        return new TextTable(List.of("model", "original", "scrambled", "change"), rows);
    }

    /** Writes the three files into {@code dir}; {@code context} (Markdown) says what was run on which data. */
    public static void write(List<ScrambleOutcome> outcomes, String context, Path dir) throws IOException {
        List<String> csv = new ArrayList<>();
        csv.add(CSV_HEADER);
        outcomes.forEach(o -> csv.add(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f", o.model(),
                o.originalAccuracy(), o.scrambledAccuracy(), o.change())));
        Files.write(dir.resolve(CSV), csv);
        Files.writeString(dir.resolve(MARKDOWN), "# Test accuracy on original and pixel-scrambled images\n\n"
                + context + "\n\n" + table(outcomes).markdown() + "\n![test accuracy](" + PLOT + ")\n");
        writePlot(outcomes, dir.resolve(PLOT));
    }

    private static void writePlot(List<ScrambleOutcome> outcomes, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ScrambleOutcome o : outcomes) {
            data.addValue(100 * o.originalAccuracy(), "original", o.model());
            data.addValue(100 * o.scrambledAccuracy(), "scrambled", o.model());
        }
        JFreeChart chart = ChartFactory.createBarChart("Test accuracy: original vs scrambled pixels", "model",
                "test accuracy (%)", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xff7f0e));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }
}
