package io.autocnn.space.sampler;

import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.ParameterChooser;
import io.autocnn.space.definition.SearchSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011), independent per parameter as Optuna's default
 * {@code TPESampler}. After {@link TpeSettings#startupTrials()} random trials, every key the define-by-run walk asks
 * for is modelled from the finished trials that have that key, and only those: {@code convBlocks[2].filters} learns
 * from three-block networks, {@code training.weightDecay} from the trials whose optimizer enables it. Those trials
 * are split best first into good (ceil(gamma n), at most maxGood) and bad; a density is fitted to each
 * ({@link NumericParzenEstimator} on the unit scale, so log ranges are modelled in log space;
 * {@link CategoricalParzenEstimator} for choices); {@link TpeSettings#candidates()} values are drawn from the good
 * density and the one with the largest ratio good/bad is taken. A key with fewer than
 * {@link TpeSettings#minObservations()} observations is drawn at random.
 *
 * <p>Randomness comes from the trial's own stream ({@code TrialSeeds.of(seed, i)}) and the history is ranked in a
 * fixed order (best first, ties by trial index), so a proposal is a function of (seed, index, history).
 */
public final class TpeSampler extends LearningSampler<TpeSettings> {

    public static final String NAME = "tpe";

    public TpeSampler(SearchSpace space, long seed) {
        this(space, seed, TpeSettings.defaults());
    }

    public TpeSampler(SearchSpace space, long seed, TpeSettings settings) {
        super(NAME, space, seed, TpeSettings.class, settings);
    }

    @Override
    int startupTrials(TpeSettings settings) {
        return settings.startupTrials();
    }

    @Override
    ParameterChooser chooser(List<Observation> ranked, SplittableRandom random, TpeSettings settings) {
        return new Tpe(ranked, random, settings);
    }

    /** Chooses each key from the observations of that key. */
    private static final class Tpe implements ParameterChooser {

        private final List<Observation> ranked;
        private final SplittableRandom random;
        private final TpeSettings settings;
        private final RandomChooser fresh;

        Tpe(List<Observation> ranked, SplittableRandom random, TpeSettings settings) {
            this.ranked = ranked;
            this.random = random;
            this.settings = settings;
            this.fresh = new RandomChooser(random);
        }

        @Override
        public Object choose(String key, Domain domain) {
            double[] observed = coordinates(key, domain);
            if (observed.length < settings.minObservations()) {
                return fresh.choose(key, domain);
            }
            int good = settings.good(observed.length);
            ParzenEstimator below = estimator(domain, Arrays.copyOfRange(observed, 0, good));
            ParzenEstimator above = estimator(domain, Arrays.copyOfRange(observed, good, observed.length));
            double best = below.sample(random);
            double bestScore = below.logDensity(best) - above.logDensity(best);
            for (int i = 1; i < settings.candidates(); i++) {
                double x = below.sample(random);
                double score = below.logDensity(x) - above.logDensity(x);
                if (score > bestScore) {
                    best = x;
                    bestScore = score;
                }
            }
            return domain instanceof Domain.Categorical categorical ? categorical.choices().get((int) best)
                    : UnitScale.fromUnit(domain, best);
        }

        /** The coordinates of the key in the trials that have it, best trial first. */
        private double[] coordinates(String key, Domain domain) {
            List<Double> found = new ArrayList<>();
            for (Observation observation : ranked) {
                Object value = observation.parameters().get(key);
                if (value == null) {
                    continue;
                }
                if (domain instanceof Domain.Categorical categorical) {
                    OptionalInt index = UnitScale.indexOf(categorical, value);
                    index.ifPresent(i -> found.add((double) i));
                } else {
                    OptionalDouble unit = UnitScale.toUnit(domain, value);
                    unit.ifPresent(found::add);
                }
            }
            return found.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private ParzenEstimator estimator(Domain domain, double[] observed) {
            if (domain instanceof Domain.Categorical categorical) {
                int[] indices = Arrays.stream(observed).mapToInt(x -> (int) x).toArray();
                return new CategoricalParzenEstimator(indices, categorical.choices().size(), settings.priorWeight());
            }
            return new NumericParzenEstimator(observed, settings.priorWeight());
        }
    }
}
