package io.autocnn.coordinator.report;

import io.autocnn.coordinator.experiment.MeanErrors;
import io.autocnn.coordinator.experiment.ModelCurve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Train and test error of several models, averaged over runs: a terminal table of the final errors,
 * {@code error-vs-epoch.csv} (one row per model and epoch, fractions; a model fitted once has one row with an empty
 * epoch), {@code error-vs-epoch.md} and {@code error-vs-epoch.png} (train dashed, test solid; a model fitted once
 * is a flat line across the epochs).
 */
public final class ErrorCurvesReport {

    public static final String CSV = "error-vs-epoch.csv";
    public static final String MARKDOWN = "error-vs-epoch.md";
    public static final String PLOT = "error-vs-epoch.png";
    public static final String CSV_HEADER = "model,epoch,runs,train_error,train_error_sd,test_error,test_error_sd";

    private ErrorCurvesReport() {
    }

    /** Each model's errors at its end (last epoch, or its only fit), mean ± standard deviation over the runs. */
    public static TextTable finalErrors(List<ModelCurve> curves) {
        List<List<String>> rows = curves.stream().map(c -> List.of(c.model(),
                c.perEpoch() ? EpochTable.epochLabel(c.last().epoch()) : "-", String.valueOf(c.runs()),
                meanAndSd(c.last().trainError(), c.last().trainErrorSd()),
                meanAndSd(c.last().testError(), c.last().testErrorSd()))).toList();
        return new TextTable(List.of("model", "epochs", "runs", "train error", "test error"), rows);
    }

    public static void write(String title, List<ModelCurve> curves, String context, Path dir) throws IOException {
        List<String> csv = new ArrayList<>();
        csv.add(CSV_HEADER);
        for (ModelCurve curve : curves) {
            for (MeanErrors p : curve.points()) {
                csv.add(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%.6f", curve.model(),
                        curve.perEpoch() ? String.valueOf(p.epoch()) : "", curve.runs(), p.trainError(),
                        p.trainErrorSd(), p.testError(), p.testErrorSd()));
            }
        }
        Files.write(dir.resolve(CSV), csv);
        Files.writeString(dir.resolve(MARKDOWN), "# " + title + "\n\n" + context + "\n\n## Final errors\n\n"
                + finalErrors(curves).markdown() + "\n## Per epoch (mean over runs)\n\n" + perEpoch(curves).markdown()
                + "\n![train (dashed) and test (solid) error per epoch](" + PLOT + ")\n");
        ErrorCurvePlot.writeLines(title, lines(curves), dir.resolve(PLOT));
    }

    private static String meanAndSd(double mean, double sd) {
        return Percent.of(mean) + " ± " + Percent.of(sd);
    }

    /** One row per epoch, train and test error of every network side by side. */
    private static TextTable perEpoch(List<ModelCurve> curves) {
        List<ModelCurve> networks = curves.stream().filter(ModelCurve::perEpoch).toList();
        List<String> header = new ArrayList<>(List.of("epoch"));
        networks.forEach(c -> header.addAll(List.of(c.model() + " train", c.model() + " test")));
        List<List<String>> rows = new ArrayList<>();
        int epochs = networks.stream().mapToInt(c -> c.points().size()).min().orElse(0);
        for (int e = 0; e < epochs; e++) {
            List<String> row = new ArrayList<>(List.of(EpochTable.epochLabel(networks.get(0).points().get(e).epoch())));
            for (ModelCurve c : networks) {
                row.add(Percent.of(c.points().get(e).trainError()));
                row.add(Percent.of(c.points().get(e).testError()));
            }
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    private static List<PlotLine> lines(List<ModelCurve> curves) {
        double first = curves.stream().filter(ModelCurve::perEpoch).mapToDouble(c -> c.points().get(0).epoch())
                .min().orElse(0);
        double last = curves.stream().filter(ModelCurve::perEpoch).mapToDouble(c -> c.last().epoch()).max().orElse(1);
        List<PlotLine> lines = new ArrayList<>();
        for (int m = 0; m < curves.size(); m++) {
            ModelCurve curve = curves.get(m);
            List<MeanErrors> points = curve.perEpoch() ? curve.points()
                    : List.of(at(first, curve.last()), at(last, curve.last()));
            lines.add(new PlotLine(curve.model() + " train", points.stream()
                    .map(p -> new PlotLine.Point(p.epoch(), 100 * p.trainError())).toList(), m, true));
            lines.add(new PlotLine(curve.model() + " test", points.stream()
                    .map(p -> new PlotLine.Point(p.epoch(), 100 * p.testError())).toList(), m, false));
        }
        return lines;
    }

    private static MeanErrors at(double epoch, MeanErrors errors) {
        return new MeanErrors(epoch, errors.trainError(), errors.trainErrorSd(), errors.testError(),
                errors.testErrorSd());
    }
}
