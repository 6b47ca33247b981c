package io.autocnn.coordinator.store;

import java.util.List;
import java.util.Optional;

/**
 * The coordinator's durable memory: experiments, an append-only log of trial events, the projections the API and the
 * leaderboard read (one row per trial, one per trial epoch), and each experiment's saved search state. Every method
 * blocks on I/O: call it from a worker thread, never from a Vert.x event loop.
 *
 * <p>Appending an event and updating its projections happen in one transaction, so a crash leaves either both or
 * neither. Appends are idempotent by {@link TrialEvent#key()}: a repeated event changes nothing and reports false.
 */
public interface TrialStore extends AutoCloseable {

    /** Stores a new experiment (status RUNNING) and returns it with its assigned id. */
    ExperimentRecord createExperiment(NewExperiment experiment);

    Optional<ExperimentRecord> experiment(String experimentId);

    /** All experiments, newest first. */
    List<ExperimentRecord> experiments();

    /** Sets status and reason (empty unless FAILED or CANCELLED); absent experiments are an IllegalArgumentException. */
    void updateStatus(String experimentId, ExperimentStatus status, String reason);

    /** Replaces the experiment's stored definition (an experiment continued with a larger budget). */
    void updateDefinition(String experimentId, String definitionJson);

    /** Removes the experiment with all its events, trials and state; false when there was none. */
    boolean deleteExperiment(String experimentId);

    /**
     * Appends {@code event} (its sequence is assigned here) and applies it to the projections; answers the stored
     * event with its assigned sequence (what a live stream sends as the event's id), or empty when an event with the
     * same key was stored before, in which case nothing changes.
     */
    Optional<TrialEvent> appendAndGet(TrialEvent event);


    /** Events of one experiment with a sequence above {@code afterSequence}, in sequence order, at most {@code limit}. */
    List<TrialEvent> events(String experimentId, long afterSequence, int limit);

    /** The highest sequence stored for the experiment (0 when none): where a live stream's snapshot stands. */
    long lastSequence(String experimentId);

    /** One page of the experiment's trials, sorted and filtered as asked. */
    TrialPage trials(String experimentId, TrialQuery query);

    /**
     * {@code query.limit()} of the trials the query matches (all when fewer), evenly spread over its order from the
     * first (its offset is not used), and how many match: a bounded sample of many trials for a plot or a model.
     */
    TrialPage spread(String experimentId, TrialQuery query);

    /** One trial with its per-epoch history, if it exists. */
    Optional<TrialDetail> trial(String experimentId, int trialIndex);

    /** Counts by state and the best validation error so far. */
    ExperimentProgress progress(String experimentId);

    /** Saves the sampler's and scheduler's state (opaque JSON), replacing the previous one. */
    void saveSearchState(String experimentId, SearchState state);

    Optional<SearchState> searchState(String experimentId);

    @Override
    void close();
}
