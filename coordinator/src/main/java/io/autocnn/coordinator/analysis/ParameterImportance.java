package io.autocnn.coordinator.analysis;

import io.autocnn.space.definition.SearchedParameter;
import io.autocnn.workers.baseline.TribuoLog;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.common.tree.AbstractCARTTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which searched parameters explain the validation error of a search's trials: a random forest (Tribuo) is fitted to
 * the trials as a surrogate of error given parameters, and each parameter's importance is how much the surrogate's
 * squared error on those trials grows when that parameter's values are shuffled among them (permutation importance),
 * as a share of all parameters' growth. Seeded: the same trials give the same figures.
 *
 * @param method     the method in words, for the page
 * @param trials     how many trials the surrogate was fitted to
 * @param parameters every searched parameter with its share (0 to 1, summing to 1 unless all are 0), largest first
 */
public record ParameterImportance(String method, int trials, List<Share> parameters) {

    /** Fewer completed trials than this explain nothing. */
    public static final int MIN_TRIALS = 8;
    static final int TREES = 48;
    static final int SHUFFLES = 3;
    private static final String TARGET = "validation error";

    /** One parameter's share of the importance. */
    public record Share(String parameter, double importance) {
    }

    static {
        TribuoLog.quiet();
    }

    public ParameterImportance {
        parameters = List.copyOf(parameters);
    }

    /**
     * @param searched   the space's searched parameters (the columns)
     * @param parameters each trial's sampled parameters
     * @param errors     each trial's validation error, in the same order
     */
    public static ParameterImportance of(List<SearchedParameter> searched, List<Map<String, Object>> parameters,
                                         double[] errors, long seed) {
        if (parameters.size() != errors.length) {
            throw new IllegalArgumentException(parameters.size() + " trials but " + errors.length + " errors");
        }
        if (errors.length < MIN_TRIALS) {
            throw new IllegalArgumentException("parameter importance needs at least " + MIN_TRIALS
                    + " completed trials, got " + errors.length);
        }
        if (searched.isEmpty()) {
            return new ParameterImportance("nothing searched: every parameter is fixed", errors.length, List.of());
        }
        String[] names = searched.stream().map(SearchedParameter::key).toArray(String[]::new);
        double[][] rows = parameters.stream().map(p -> ParameterEncoding.encode(searched, p)).toArray(double[][]::new);
        Model<Regressor> forest = fit(names, rows, errors, seed);
        double baseline = meanSquaredError(forest, names, rows, errors);
        SplittableRandom random = new SplittableRandom(seed);
        double[] growth = new double[names.length];
        for (int j = 0; j < names.length; j++) {
            for (int shuffle = 0; shuffle < SHUFFLES; shuffle++) {
                growth[j] += Math.max(0, meanSquaredError(forest, names, shuffled(rows, j, random), errors) - baseline)
                        / SHUFFLES;
            }
        }
        double total = Arrays.stream(growth).sum();
        List<Share> shares = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            shares.add(new Share(names[j], total > 0 ? growth[j] / total : 0));
        }
        shares.sort(Comparator.comparingDouble(Share::importance).reversed());
        String method = "permutation importance on a random-forest surrogate (" + TREES + " regression trees, Tribuo) "
                + "fitted to " + errors.length + " completed trials' validation errors: how much the surrogate's "
                + "squared error on them grows when one parameter's values are shuffled, as a share of all";
        return new ParameterImportance(method, errors.length, shares);
    }

    private static Model<Regressor> fit(String[] names, double[][] rows, double[] errors, long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(rows.length + " trials", factory), factory);
        dataset.addAll(examples(names, rows, errors));
        // A third of the parameters tried at each split, as for regression forests since Breiman.
        float splitFraction = Math.max(1f / names.length, 1f / 3);
        CARTRegressionTrainer tree = new CARTRegressionTrainer(Integer.MAX_VALUE, AbstractCARTTrainer.MIN_EXAMPLES,
                0.0f, Math.min(splitFraction, 0.999f), false, new MeanSquaredError(), seed);
        return new RandomForestTrainer<>(tree, new AveragingCombiner(), TREES, seed).train(dataset);
    }

    private static List<Example<Regressor>> examples(String[] names, double[][] rows, double[] errors) {
        List<Example<Regressor>> examples = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            examples.add(new ArrayExample<>(new Regressor(TARGET, errors[i]), names, rows[i]));
        }
        return examples;
    }

    private static double meanSquaredError(Model<Regressor> forest, String[] names, double[][] rows, double[] errors) {
        List<Prediction<Regressor>> predictions = forest.predict(examples(names, rows, errors));
        double sum = 0;
        for (int i = 0; i < errors.length; i++) {
            double difference = predictions.get(i).getOutput().getValues()[0] - errors[i];
            sum += difference * difference;
        }
        return sum / errors.length;
    }

    /** A copy of {@code rows} with column {@code column}'s values shuffled among the rows. */
    private static double[][] shuffled(double[][] rows, int column, SplittableRandom random) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        for (int i = rows.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            double swap = copy[i][column];
            copy[i][column] = copy[k][column];
            copy[k][column] = swap;
        }
        return copy;
    }
}
