package io.autocnn.coordinator.report;

import io.autocnn.space.trial.EpochMetrics;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Error versus epoch as a PNG, train and test (and validation) lines, like the lecture's figure. */
public final class ErrorCurvePlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0xff7f0e), new Color(0x9467bd)};

    private ErrorCurvePlot() {
    }

    public static void write(String title, List<EpochMetrics> epochs, Path file) throws IOException {
        List<PlotLine.Point> train = new ArrayList<>();
        List<PlotLine.Point> validation = new ArrayList<>();
        List<PlotLine.Point> test = new ArrayList<>();
        for (EpochMetrics m : epochs) {
            train.add(new PlotLine.Point(m.epoch(), 100 * m.trainError()));
            validation.add(new PlotLine.Point(m.epoch(), 100 * m.validationError()));
            m.testError().ifPresent(error -> test.add(new PlotLine.Point(m.epoch(), 100 * error)));
        }
        List<PlotLine> lines = new ArrayList<>(List.of(new PlotLine("train error", train, 0, false),
                new PlotLine("validation error", validation, 1, false)));
        if (!test.isEmpty()) {
            lines.add(new PlotLine("test error", test, 2, false));
        }
        writeLines(title, lines, file);
    }

    /** Any set of error lines, for example train and test error of several models. */
    public static void writeLines(String title, List<PlotLine> lines, Path file) throws IOException {
        writeLines(title, "epoch", lines, file);
    }

    /** Error lines over something other than epochs, e.g. seconds; the points' x is then in that unit. */
    public static void writeLines(String title, String xAxis, List<PlotLine> lines, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (PlotLine line : lines) {
            XYSeries series = new XYSeries(line.name());
            line.points().forEach(p -> series.add(p.epoch(), p.errorPercent()));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, "error (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < lines.size(); s++) {
            PlotLine line = lines.get(s);
            renderer.setSeriesPaint(s, COLORS[line.colorIndex() % COLORS.length]);
            renderer.setSeriesStroke(s, line.dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
