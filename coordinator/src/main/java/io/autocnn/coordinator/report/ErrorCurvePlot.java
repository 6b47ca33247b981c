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
import java.util.List;

/** Error versus epoch as a PNG, train and test (and validation) lines, like the lecture's figure. */
public final class ErrorCurvePlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private ErrorCurvePlot() {
    }

    public static void write(String title, List<EpochMetrics> epochs, Path file) throws IOException {
        XYSeries train = new XYSeries("train error");
        XYSeries validation = new XYSeries("validation error");
        XYSeries test = new XYSeries("test error");
        for (EpochMetrics m : epochs) {
            train.add(m.epoch(), 100 * m.trainError());
            validation.add(m.epoch(), 100 * m.validationError());
            m.testError().ifPresent(error -> test.add(m.epoch(), 100 * error));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(validation);
        if (test.getItemCount() > 0) {
            data.addSeries(test);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", "error (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colors = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728)};
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, colors[s]);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
