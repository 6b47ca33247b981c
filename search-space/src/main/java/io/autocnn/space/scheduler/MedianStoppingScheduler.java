package io.autocnn.space.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Median stopping (Golovin et al., Google Vizier): after a grace period, a trial is stopped when its best validation
 * error so far is worse than the median, over the other trials that reached the same epoch, of their mean error up
 * to that epoch. Needs a few other trials at that epoch before it judges.
 */
public final class MedianStoppingScheduler implements Scheduler {

    private final double maxEpochs;
    private final double graceEpochs;
    private final int minTrialsToCompare;
    /** trial -> (epoch -> validation error), in epoch order. */
    private final Map<Integer, TreeMap<Double, Double>> curves = new HashMap<>();

    public MedianStoppingScheduler(double maxEpochs, double graceEpochs, int minTrialsToCompare) {
        this.maxEpochs = maxEpochs;
        this.graceEpochs = graceEpochs;
        this.minTrialsToCompare = minTrialsToCompare;
    }

    @Override
    public String name() {
        return "median";
    }

    @Override
    public double initialTarget() {
        return maxEpochs;
    }

    @Override
    public Decision onEpoch(int trialIndex, double epoch, double validationError) {
        TreeMap<Double, Double> curve = curves.computeIfAbsent(trialIndex, t -> new TreeMap<>());
        curve.put(epoch, validationError);
        if (epoch < graceEpochs) {
            return Decision.CONTINUE;
        }
        List<Double> othersMeans = new ArrayList<>();
        curves.forEach((other, otherCurve) -> {
            if (other != trialIndex && otherCurve.lastKey() >= epoch) {
                othersMeans.add(otherCurve.headMap(epoch, true).values().stream()
                        .mapToDouble(Double::doubleValue).average().orElseThrow());
            }
        });
        if (othersMeans.size() < minTrialsToCompare) {
            return Decision.CONTINUE;
        }
        double best = curve.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return best > median(othersMeans) ? Decision.STOP : Decision.CONTINUE;
    }

    @Override
    public Optional<Promotion> nextPromotion(java.util.function.IntPredicate paused) {
        return Optional.empty();
    }

    /** The curves seen so far, keyed by trial (JSON object keys are text). */
    private record Saved(Map<Integer, TreeMap<Double, Double>> curves) {
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode saveState() {
        return SchedulerState.wrap(name(), new Saved(curves));
    }

    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state) {
        Saved saved = SchedulerState.unwrap(state, name(), Saved.class);
        curves.clear();
        curves.putAll(saved.curves());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
