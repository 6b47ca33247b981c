package io.autocnn.coordinator.engine;

import io.autocnn.coordinator.search.CandidateCheck;
import io.autocnn.coordinator.store.TrialPages;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.Constraints;
import io.autocnn.space.definition.InvalidSpaceException;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.NetworkCost;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.train.InferenceLatencyMeter;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialMemoryEstimate;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * What one search's candidates cost on its data ({@link CandidateCost}), and the space's {@link Constraints} applied to
 * them. Counted figures come from the specification; latency and training memory are measured (once per candidate,
 * kept for the search's life) only when a constraint or the second objective needs them, and only for candidates
 * that meet the counted constraints, so a network refused for its size is never built.
 */
public final class CandidateCosts {

    /** Networks sampled to check that a space's constraints can be met: a space that fails all is refused. */
    static final int FEASIBILITY_SAMPLES = 2_000;
    /** Of those meeting the counted constraints, how many of the fewest MACs are measured against the rest. */
    static final int FEASIBILITY_MEASURED = 5;

    private final Constraints constraints;
    private final boolean measuresLatency;
    private final DataRecipe recipe;
    /** Measured costs by specification: one per candidate of this search, so bounded by its trial budget. */
    private final Map<TrialSpec, CandidateCost> measured = new ConcurrentHashMap<>();

    /** @param objective the search's second objective, which may need a measured figure */
    CandidateCosts(Constraints constraints, Optional<SecondObjective> objective, DataRecipe recipe) {
        this.constraints = constraints;
        this.measuresLatency = constraints.needsLatency() || objective.filter(SecondObjective::isMeasured).isPresent();
        this.recipe = recipe;
    }

    private boolean measuresAnything() {
        return measuresLatency || constraints.needsTrainingMemory();
    }

    /**
     * What {@code spec} costs on the experiment's data (prepared before the search runs, so this finds it in the
     * cache). May take a second or more the first time a candidate's latency is measured: never call it under a lock
     * others wait on.
     */
    public CandidateCost of(TrialSpec spec) {
        TrainingData data = PreparedDataCache.get(recipe);
        NetworkCost counted = count(spec, data);
        if (!measuresAnything() || constraints.brokenBy(counted).isPresent()) {
            return CandidateCost.counted(counted);
        }
        return measured.computeIfAbsent(spec, s -> {
            try {
                return measure(s, counted, data, constraints, measuresLatency);
            } catch (RuntimeException e) {
                // Kept unmeasured: the check refuses it, and the second objective places it last.
                LoggerFactory.getLogger(CandidateCosts.class).warn("a candidate could not be measured: {}",
                        e.toString());
                return CandidateCost.counted(counted);
            }
        });
    }

    /** Refuses candidates that break the space's constraints; measures what the search needs of those it lets run. */
    CandidateCheck check() {
        if (constraints.isEmpty() && !measuresAnything()) {
            return CandidateCheck.NONE;
        }
        return candidate -> constraints.brokenBy(of(candidate.spec()));
    }

    /**
     * A specification's value of {@code objective}, on the Pareto ranking's scale; NaN (after every measured trial)
     * for a measured objective of a candidate refused before it was measured.
     */
    ToDoubleFunction<TrialSpec> rankingValue(SecondObjective objective) {
        return spec -> {
            OptionalDouble value = objective.of(of(spec));
            return value.isPresent() ? SecondObjective.rankingScale(value.getAsDouble()) : Double.NaN;
        };
    }

    /** Takes the measured costs of the experiment's stored trials, so a resumed search does not measure them again. */
    void rememberStored(TrialStore store, String experimentId) {
        if (!measuresAnything()) {
            return;
        }
        TrialPages.all(store, experimentId, TrialSort.TRIAL)
                .filter(row -> row.cost().latency().isPresent() || row.cost().trainingBytes().isPresent())
                .forEach(row -> measured.put(row.spec(), row.cost()));
    }

    /** What {@code spec} costs on {@code data}'s images and classes, counted from the specification. */
    public static NetworkCost count(TrialSpec spec, TrainingData data) {
        return NetworkCost.of(spec, data.shape().channels(), data.shape().height(), data.shape().width(),
                data.numClasses());
    }

    private static CandidateCost measure(TrialSpec spec, NetworkCost counted, TrainingData data,
                                         Constraints constraints, boolean latency) {
        return new CandidateCost(counted,
                latency ? Optional.of(InferenceLatencyMeter.measure(spec, data.shape(), data.numClasses(),
                        constraints.latencyBatch())) : Optional.empty(),
                constraints.needsTrainingMemory() ? OptionalLong.of(TrialMemoryEstimate.of(CnnBuilder.configuration(
                        spec, data.shape(), data.numClasses()), data.shape(), spec.training().batchSize(), 1)
                        .trainingBytes()) : OptionalLong.empty());
    }

    /**
     * Refuses a space none of {@link #FEASIBILITY_SAMPLES} random networks of which meets its counted constraints,
     * or, with measured constraints, none of the {@link #FEASIBILITY_MEASURED} of fewest MACs among those that do:
     * such a search would refuse every candidate and train nothing. The reason names the smallest network found.
     */
    static void refuseIfUnmeetable(SearchSpace space, TrainingData data) {
        Constraints constraints = space.constraints();
        if (constraints.isEmpty()) {
            return;
        }
        Sampler random = Samplers.create(RandomSampler.NAME, space, 0);
        Map<TrialSpec, NetworkCost> meetCounted = new LinkedHashMap<>();
        NetworkCost smallest = null;
        for (int i = 0; i < FEASIBILITY_SAMPLES; i++) {
            TrialSpec spec = random.propose(i, List.of()).orElseThrow().spec();
            NetworkCost cost = count(spec, data);
            if (constraints.brokenBy(cost).isEmpty()) {
                if (!constraints.needsLatency() && !constraints.needsTrainingMemory()) {
                    return;
                }
                meetCounted.put(spec, cost);
            }
            if (smallest == null || cost.parameters() < smallest.parameters()) {
                smallest = cost;
            }
        }
        if (meetCounted.isEmpty()) {
            throw unmeetable(data, String.format(Locale.ROOT, "none of %,d networks sampled from the space meets "
                    + "them; the smallest has %,d parameters and %,d multiply-accumulates per image",
                    FEASIBILITY_SAMPLES, smallest.parameters(), smallest.macs()));
        }
        List<Map.Entry<TrialSpec, NetworkCost>> cheapest = meetCounted.entrySet().stream()
                .sorted(Comparator.comparingLong(entry -> entry.getValue().macs())).limit(FEASIBILITY_MEASURED)
                .toList();
        String reason = null;
        for (Map.Entry<TrialSpec, NetworkCost> candidate : cheapest) {
            Optional<String> broken = constraints.brokenBy(measure(candidate.getKey(), candidate.getValue(), data,
                    constraints, constraints.needsLatency()));
            if (broken.isEmpty()) {
                return;
            }
            reason = reason == null ? broken.get() : reason;
        }
        throw unmeetable(data, String.format(Locale.ROOT, "none of the %d networks of fewest multiply-accumulates "
                + "among %,d sampled meets them; the cheapest %s", cheapest.size(),
                FEASIBILITY_SAMPLES, reason));
    }

    private static InvalidSpaceException unmeetable(TrainingData data, String why) {
        return new InvalidSpaceException("the space (its constraints cannot be met on the " + data.shape()
                + " images)", List.of(new SpecViolation("$.constraints", why)));
    }
}
