package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.analysis.ParameterImportance;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialPage;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.SearchedParameter;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each experiment's parameter importance ({@link ParameterImportance}), computed on this object's own thread, never on
 * a request's: a request answers the latest figures at once and, when trials have completed since and the last
 * computation is at least {@link #MIN_INTERVAL} old, queues a new one. The surrogate is fitted to at most
 * {@link TrialQuery#MAX_LIMIT} completed trials spread evenly over the ranking, so the cost stays bounded at any
 * number of trials. Figures are kept for at most {@link #MAX_EXPERIMENTS} experiments, the least recently asked for
 * dropped first; the queue holds at most {@link #MAX_QUEUED} computations.
 */
final class ParameterImportances implements AutoCloseable {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    static final int MAX_EXPERIMENTS = 64;
    static final int MAX_QUEUED = 16;
    private static final long SEED = 1;
    private static final Logger LOG = Logger.getLogger(ParameterImportances.class.getName());

    /** What was computed for one experiment: from how many completed trials, when, and the figures or why none. */
    private record Computed(long completed, Instant at, Optional<ParameterImportance> importance, String reason) {
    }

    private final TrialStore store;
    private final Function<ExperimentRecord, List<SearchedParameter>> searched;
    private final Clock clock;
    private final Map<String, Computed> latest = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Computed> eldest) {
                    return size() > MAX_EXPERIMENTS;
                }
            });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED), runnable -> {
                Thread thread = new Thread(runnable, "autocnn-parameter-importance");
                thread.setDaemon(true);
                return thread;
            });

    /** @param searched an experiment's searched parameters (from its definition) */
    ParameterImportances(TrialStore store, Function<ExperimentRecord, List<SearchedParameter>> searched, Clock clock) {
        this.store = store;
        this.searched = searched;
        this.clock = clock;
    }

    /** The latest figures for {@code record}, queuing a new computation when they are out of date. */
    ObjectNode of(ExperimentRecord record) {
        long completed = store.progress(record.id()).byState().getOrDefault(TrialState.COMPLETED, 0L);
        if (completed < ParameterImportance.MIN_TRIALS) {
            return view(new Computed(completed, clock.instant(), Optional.empty(), tooFew(completed)), completed,
                    false);
        }
        Computed computed = latest.get(record.id());
        boolean outOfDate = computed == null || computed.completed() != completed;
        boolean due = computed == null || !clock.instant().isBefore(computed.at().plus(MIN_INTERVAL));
        if (outOfDate && due && queued.add(record.id())) {
            try {
                executor.execute(() -> compute(record, completed));
            } catch (RejectedExecutionException busy) {
                queued.remove(record.id()); // asked again on a later read
            }
        }
        // Read again: a computation queued above may already have ended.
        boolean updating = queued.contains(record.id());
        return view(latest.getOrDefault(record.id(), computed), completed, updating);
    }

    /** Forgets a deleted experiment. */
    void forget(String experimentId) {
        latest.remove(experimentId);
    }

    private void compute(ExperimentRecord record, long completed) {
        try {
            latest.put(record.id(), computeNow(record, completed));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "parameter importance of experiment " + record.id() + " failed", e);
            latest.put(record.id(), new Computed(completed, clock.instant(), Optional.empty(),
                    "the computation failed: " + e.getMessage()));
        } finally {
            queued.remove(record.id());
        }
    }

    private Computed computeNow(ExperimentRecord record, long completed) {
        Instant now = clock.instant();
        TrialPage sample = store.spread(record.id(), new TrialQuery(TrialSort.VALIDATION_ERROR, false,
                Optional.of(TrialState.COMPLETED), 0, TrialQuery.MAX_LIMIT));
        List<Map<String, Object>> parameters = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (TrialRow row : sample.rows()) {
            if (row.validationError().isPresent()) {
                parameters.add(row.parameters());
                errors.add(row.validationError().getAsDouble());
            }
        }
        if (errors.size() < ParameterImportance.MIN_TRIALS) {
            return new Computed(completed, now, Optional.empty(), tooFew(errors.size()));
        }
        return new Computed(completed, now, Optional.of(ParameterImportance.of(searched.apply(record), parameters,
                errors.stream().mapToDouble(Double::doubleValue).toArray(), SEED)), "");
    }

    /** Why there are no figures with {@code completed} completed trials (with a validation error). */
    private static String tooFew(long completed) {
        return "needs at least " + ParameterImportance.MIN_TRIALS + " completed trials, has " + completed;
    }

    private static ObjectNode view(Computed computed, long completed, boolean updating) {
        ObjectNode view = TrialSpecJson.mapper().createObjectNode();
        view.put("completedTrials", completed);
        view.put("minTrials", ParameterImportance.MIN_TRIALS);
        view.put("updating", updating);
        ArrayNode parameters = view.putArray("parameters");
        if (computed == null) {
            view.putNull("method");
            view.putNull("trials");
            view.putNull("computedAt");
            view.put("reason", updating ? "being computed" : "not computed yet");
            return view;
        }
        view.put("computedAt", computed.at().toString());
        view.put("reason", computed.reason());
        computed.importance().ifPresentOrElse(importance -> {
            view.put("method", importance.method());
            view.put("trials", importance.trials());
            importance.parameters().forEach(share -> parameters.addObject().put("parameter", share.parameter())
                    .put("importance", share.importance()));
        }, () -> {
            view.putNull("method");
            view.putNull("trials");
        });
        return view;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
