package io.autocnn.space.sampler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.ParameterChooser;
import io.autocnn.space.definition.SearchSpace;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What every sampler shares: the space, the experiment seed, its settings, and the state format. Every proposal is
 * a function of (seed, trial index, history), so the state a coordinator must keep to continue after a restart is
 * only the sampler's name, seed and settings: {@code {"sampler": "tpe", "space": "...", "seed": 7, "settings": {...}}}.
 *
 * @param <S> the settings record, serialised as JSON by Jackson
 */
abstract class AbstractSampler<S extends Record> implements Sampler {

    /** Settings of a sampler that has none (the random sampler). */
    public record NoSettings() {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    private final String name;
    private final Class<S> settingsType;
    protected final SearchSpace space;
    private long seed;
    private S settings;

    AbstractSampler(String name, SearchSpace space, long seed, Class<S> settingsType, S settings) {
        this.name = name;
        this.space = space;
        this.seed = seed;
        this.settingsType = settingsType;
        this.settings = settings;
    }

    @Override
    public final String name() {
        return name;
    }

    public final synchronized long seed() {
        return seed;
    }

    public final synchronized S settings() {
        return settings;
    }

    @Override
    public final synchronized JsonNode saveState() {
        ObjectNode state = JSON.createObjectNode();
        state.put("sampler", name);
        state.put("space", space.name());
        state.put("seed", seed);
        state.set("settings", JSON.valueToTree(settings));
        return state;
    }

    @Override
    public final synchronized void restoreState(JsonNode state) {
        if (state == null || !state.isObject() || !state.path("sampler").isTextual()) {
            throw new IllegalArgumentException("sampler state must be an object with a \"sampler\" name, found "
                    + state);
        }
        String stateOf = state.get("sampler").asText();
        if (!stateOf.equals(name)) {
            throw new IllegalArgumentException("cannot restore the state of a '" + stateOf + "' sampler into a '"
                    + name + "' sampler");
        }
        String stateSpace = state.path("space").asText(space.name());
        if (!stateSpace.equals(space.name())) {
            throw new IllegalArgumentException("sampler state was saved for space '" + stateSpace
                    + "', not '" + space.name() + "': its proposals would differ");
        }
        JsonNode seedNode = state.path("seed");
        if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
            throw new IllegalArgumentException("sampler state needs an integer \"seed\", found " + seedNode);
        }
        if (!state.path("settings").isObject()) {
            throw new IllegalArgumentException("sampler state needs a \"settings\" object, found "
                    + state.path("settings"));
        }
        S restored;
        try {
            restored = JSON.treeToValue(state.path("settings"), settingsType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid settings in '" + name + "' sampler state: "
                    + rootMessage(e), e);
        }
        long previousSeed = seed;
        S previousSettings = settings;
        seed = seedNode.longValue();
        settings = restored;
        try {
            settingsChanged();
        } catch (IllegalArgumentException e) {
            seed = previousSeed;
            settings = previousSettings;
            settingsChanged();
            throw e;
        }
    }

    /** The settings records check their own values; that message, not Jackson's wrapping, is what a user needs. */
    private static String rootMessage(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof JsonProcessingException json) {
            return json.getOriginalMessage();
        }
        return root.getMessage();
    }

    /**
     * Called after {@link #restoreState} replaced seed and settings: recompute what depends on them, or throw
     * IllegalArgumentException when the space cannot be searched with these settings (the old ones are then kept).
     */
    void settingsChanged() {
    }

    /** The randomness of trial {@code trialIndex}: the same stream for the same seed and index, wherever it runs. */
    final SplittableRandom random(int trialIndex) {
        return new SplittableRandom(TrialSeeds.of(seed(), trialIndex));
    }

    /** Builds trial {@code trialIndex} with the given chooser; its training seed is the trial's own seed. */
    final Candidate sample(int trialIndex, ParameterChooser chooser) {
        Candidate candidate = space.sample(chooser, TrialSeeds.of(seed(), trialIndex));
        return chooser.parent().isPresent() ? candidate.withParent(chooser.parent().getAsInt()) : candidate;
    }

    /** Trial {@code trialIndex} drawn uniformly (on each parameter's unit scale): the random sampler's proposal. */
    final Candidate randomCandidate(int trialIndex) {
        return sample(trialIndex, new RandomChooser(random(trialIndex)));
    }

    /**
     * The history best first (NaN, the value of a diverged trial, counts as worst), ties by trial index: the same
     * order whatever order the observations arrived in.
     */
    static List<Observation> bestFirst(List<Observation> history) {
        return history.stream().sorted(Comparator.comparingDouble((Observation o) -> rankValue(o))
                .thenComparingInt(Observation::trialIndex)).toList();
    }

    static double rankValue(Observation observation) {
        return Double.isNaN(observation.objective()) ? Double.POSITIVE_INFINITY : observation.objective();
    }
}
