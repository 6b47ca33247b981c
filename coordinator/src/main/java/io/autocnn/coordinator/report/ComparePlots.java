package io.autocnn.coordinator.report;

import io.autocnn.coordinator.compare.ChosenModel;
import io.autocnn.coordinator.compare.RepetitionOutcome;
import io.autocnn.coordinator.experiment.Spread;
import io.autocnn.space.trial.EpochMetrics;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The comparison's PNG plots: error per epoch of both chosen models, the search's best so far, test accuracy. */
public final class ComparePlots {

    public static final String BEST_SO_FAR = "best-so-far.png";
    public static final String TEST_ACCURACY = "test-accuracy.png";

    private ComparePlots() {
    }

    /** One plot per repetition, since the two sides' epochs differ from one repetition to the next. */
    public static String errorCurves(int repetition) {
        return "error-vs-epoch-" + repetition + ".png";
    }

    public static void write(List<RepetitionOutcome> outcomes, Path dir) throws IOException {
        for (RepetitionOutcome o : outcomes) {
            List<PlotLine> lines = new ArrayList<>(curves(o.lenet5(), 0));
            lines.addAll(curves(o.search(), 1));
            ErrorCurvePlot.writeLines("Chosen models, repetition " + o.repetition() + " (train dashed, validation "
                    + "solid)", lines, dir.resolve(errorCurves(o.repetition())));
        }
        List<PlotLine> best = new ArrayList<>();
        for (RepetitionOutcome o : outcomes) {
            best.add(new PlotLine("repetition " + o.repetition() + " (seed " + o.seed() + ")", o.bestSoFar().stream()
                    .map(p -> new PlotLine.Point(p.seconds(), 100 * p.validationError())).toList(),
                    o.repetition() - 1, false));
        }
        ErrorCurvePlot.writeLines("Search: validation error of the best trial so far", "seconds since the search "
                + "started", best, dir.resolve(BEST_SO_FAR));
        writeAccuracyBars(outcomes, dir.resolve(TEST_ACCURACY));
    }

    private static List<PlotLine> curves(ChosenModel model, int color) {
        List<EpochMetrics> epochs = model.curve();
        return List.of(
                new PlotLine(model.side().label() + " train", epochs.stream()
                        .map(m -> new PlotLine.Point(m.epoch(), 100 * m.trainError())).toList(), color, true),
                new PlotLine(model.side().label() + " validation", epochs.stream()
                        .map(m -> new PlotLine.Point(m.epoch(), 100 * m.validationError())).toList(), color, false));
    }

    private static void writeAccuracyBars(List<RepetitionOutcome> outcomes, Path file) throws IOException {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        Spread lenet = Spread.of(outcomes.stream().mapToDouble(o -> 100 * o.lenet5().testAccuracy()).toArray());
        Spread search = Spread.of(outcomes.stream().mapToDouble(o -> 100 * o.search().testAccuracy()).toArray());
        String series = "mean of " + outcomes.size() + (outcomes.size() == 1 ? " repetition" : " repetitions");
        data.add(lenet.mean(), lenet.sd(), series, outcomes.get(0).lenet5().side().label());
        data.add(search.mean(), search.sd(), series, outcomes.get(0).search().side().label());
        JFreeChart chart = ChartFactory.createBarChart("Test accuracy (error bars: standard deviation)", "",
                "test accuracy (%)", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setErrorIndicatorPaint(Color.BLACK);
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }
}
