package io.autocnn.space.scheduler;

import io.autocnn.space.objective.ParetoRanking;
import io.autocnn.space.trial.EpochMetrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning", 2020).
 * Rungs are at {@code minEpochs * eta^k} epochs up to {@code maxEpochs}. Every new trial trains to the first rung
 * and pauses; whenever a worker is free, the best-ranked paused trial that lies in the top {@code 1/eta} of its rung
 * (and was not promoted yet) is promoted to the next rung and continues from its saved model. Only when nobody can
 * be promoted does a new trial start. Trials never promoted are, in the end, pruned.
 *
 * <p>Once the search can start no new trial (its trial budget is used or its sampler has nothing left), the top
 * {@code 1/eta} of a rung with fewer than {@code eta} results is nobody, and such a rung would wait for newcomers
 * that never come: a search of 12 trials with 4 rungs would end with none trained to the full epochs. Then
 * {@link #finishingPromotion} lets the best of each rung go on (at least one per rung), as the first trial to reach
 * a rung goes on in Optuna's and Ray Tune's successive halving.
 *
 * <p>With a second objective ({@link #rankAlsoBy}), a rung's trials are ranked by {@link ParetoRanking} of their
 * validation error at the rung and that objective, so a small network with a fair error is promoted rather than
 * pruned for a larger one that is slightly better.
 */
public final class AshaScheduler implements Scheduler {

    private static final double EPSILON = EpochMetrics.EPOCH_TOLERANCE;

    private final int eta;
    private final List<Double> rungs = new ArrayList<>();
    /** Per rung: trial -> validation error recorded when it reached the rung, in arrival order. */
    private final List<Map<Integer, Double>> results = new ArrayList<>();
    /** Per rung: trials already promoted out of it. */
    private final List<Set<Integer>> promoted = new ArrayList<>();
    /** The rung each trial is currently training towards. */
    private final Map<Integer, Integer> currentRung = new HashMap<>();
    /** A trial's value of the second objective, if the search has one. */
    private java.util.function.IntToDoubleFunction secondObjective;

    public AshaScheduler(double minEpochs, double maxEpochs, int eta) {
        if (!(minEpochs > 0 && minEpochs <= maxEpochs) || eta < 2) {
            throw new IllegalArgumentException("ASHA needs 0 < minEpochs <= maxEpochs and eta >= 2, got min "
                    + minEpochs + ", max " + maxEpochs + ", eta " + eta);
        }
        this.eta = eta;
        for (double r = minEpochs; r < maxEpochs - EPSILON; r *= eta) {
            rungs.add(r);
        }
        rungs.add(maxEpochs);
        for (int k = 0; k < rungs.size(); k++) {
            results.add(new LinkedHashMap<>());
            promoted.add(new HashSet<>());
        }
    }

    /** Rungs {@code eta} apart ending at {@code maxEpochs}, the lowest {@code maxEpochs / eta^(rungCount-1)}. */
    public static AshaScheduler withRungs(double maxEpochs, int eta, int rungCount) {
        return new AshaScheduler(maxEpochs / Math.pow(eta, rungCount - 1), maxEpochs, eta);
    }

    @Override
    public String name() {
        return "asha";
    }

    /** The rung milestones in epochs, lowest first. */
    public List<Double> rungs() {
        return List.copyOf(rungs);
    }

    @Override
    public double initialTarget() {
        return rungs.get(0);
    }

    @Override
    public Decision onEpoch(int trialIndex, double epoch, double validationError) {
        int rung = currentRung.computeIfAbsent(trialIndex, t -> 0);
        if (epoch + EPSILON < rungs.get(rung)) {
            return Decision.CONTINUE;
        }
        results.get(rung).put(trialIndex, validationError);
        return rung == rungs.size() - 1 ? Decision.CONTINUE : Decision.PAUSE;
    }

    @Override
    public Optional<Promotion> nextPromotion(java.util.function.IntPredicate paused) {
        return promotion(paused, false);
    }

    @Override
    public Optional<Promotion> finishingPromotion(java.util.function.IntPredicate paused) {
        return promotion(paused, true);
    }

    /** The best paused trial of the highest rung whose top share it is in: 1/eta, or at least one when finishing. */
    private Optional<Promotion> promotion(java.util.function.IntPredicate paused, boolean finishing) {
        for (int rung = rungs.size() - 2; rung >= 0; rung--) {
            Map<Integer, Double> atRung = results.get(rung);
            int promotable = finishing ? Math.max(1, atRung.size() / eta) : atRung.size() / eta;
            List<Integer> ranked = ranked(atRung).stream().limit(promotable).toList();
            for (int trial : ranked) {
                if (paused.test(trial) && promoted.get(rung).add(trial)) {
                    currentRung.put(trial, rung + 1);
                    return Optional.of(new Promotion(trial, rungs.get(rung + 1)));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void rankAlsoBy(java.util.function.IntToDoubleFunction valueOfTrial) {
        this.secondObjective = valueOfTrial;
    }

    /** A rung's trials best first: by error, or by Pareto rank and crowding with a second objective; ties by index. */
    private List<Integer> ranked(Map<Integer, Double> atRung) {
        List<Integer> trials = atRung.keySet().stream().sorted().toList();
        double[] keys = new double[trials.size()];
        if (secondObjective == null) {
            for (int i = 0; i < keys.length; i++) {
                keys[i] = atRung.get(trials.get(i));
            }
        } else {
            double[] errors = trials.stream().mapToDouble(atRung::get).toArray();
            double[] second = trials.stream().mapToDouble(t -> secondObjective.applyAsDouble(t)).toArray();
            keys = ParetoRanking.orderKeys(errors, second);
        }
        double[] order = keys;
        return java.util.stream.IntStream.range(0, trials.size()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> order[i]).thenComparing(trials::get))
                .map(trials::get).toList();
    }

    /** What ASHA has recorded: results and promotions per rung, and each trial's current rung. */
    private record Saved(List<Double> rungs, List<Map<Integer, Double>> results, List<Set<Integer>> promoted,
                         Map<Integer, Integer> currentRung) {
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode saveState() {
        return SchedulerState.wrap(name(), new Saved(rungs, results, promoted, currentRung));
    }

    /** Restores results and promotions; refuses state saved with other rungs (another space or --rungs). */
    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state) {
        Saved saved = SchedulerState.unwrap(state, name(), Saved.class);
        if (!saved.rungs().equals(rungs)) {
            throw new IllegalArgumentException("saved ASHA state has rungs " + saved.rungs() + ", this scheduler "
                    + rungs);
        }
        for (int rung = 0; rung < rungs.size(); rung++) {
            results.get(rung).clear();
            results.get(rung).putAll(saved.results().get(rung));
            promoted.get(rung).clear();
            promoted.get(rung).addAll(saved.promoted().get(rung));
        }
        currentRung.clear();
        currentRung.putAll(saved.currentRung());
    }

    /** The reduction factor: the top {@code 1/eta} of a rung's trials may be promoted out of it. */
    public int eta() {
        return eta;
    }

    /** The validation error each trial had when it reached {@code rung}, in arrival order. */
    public Map<Integer, Double> recordedAt(int rung) {
        return java.util.Collections.unmodifiableMap(results.get(rung));
    }

    /** How many trials were promoted out of {@code rung}. */
    public int promotedFrom(int rung) {
        return promoted.get(rung).size();
    }

    /** Whether {@code trial} was promoted out of {@code rung}. */
    public boolean wasPromotedFrom(int rung, int trial) {
        return promoted.get(rung).contains(trial);
    }

    /** The highest rung {@code trial} reached (recorded a result at), empty when it reached none. */
    public java.util.OptionalInt highestRungOf(int trial) {
        for (int rung = rungs.size() - 1; rung >= 0; rung--) {
            if (results.get(rung).containsKey(trial)) {
                return java.util.OptionalInt.of(rung);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** Trials recorded at a rung and never promoted out of it (the pruned ones, once the search ends). */
    public Set<Integer> stoppedAt(int rung) {
        Set<Integer> stopped = new HashSet<>(results.get(rung).keySet());
        stopped.removeAll(promoted.get(rung));
        return stopped;
    }
}
