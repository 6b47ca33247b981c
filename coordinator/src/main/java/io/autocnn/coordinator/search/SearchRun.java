package io.autocnn.coordinator.search;

import io.autocnn.coordinator.dispatch.Dispatcher;
import io.autocnn.coordinator.dispatch.TrialTask;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.objective.Objective;
import io.autocnn.space.objective.ParetoRanking;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.sampler.Observation;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.scheduler.Decision;
import io.autocnn.space.scheduler.Promotion;
import io.autocnn.space.scheduler.Scheduler;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.train.TrialListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;

/**
 * The run loop of one search: keeps the dispatcher's slots busy, first with promotions the scheduler asks for, then
 * with new candidates from the sampler; feeds every epoch to the scheduler (which may pause or prune the trial)
 * and every result back to the sampler, until the trial budget, the wall-clock budget, the sampler or the
 * failure limit says stop. Dispatchers (in-process, Spark) and listeners (terminal, store, leaderboard) plug in.
 *
 * <p>All scheduler and sampler calls happen under one lock, so they need not be thread-safe themselves.
 */
public final class SearchRun {

    private static final double EPSILON = EpochMetrics.EPOCH_TOLERANCE;
    /** A failed trial's value for the sampler: no network errs more. */
    private static final double WORST_ERROR = 1.0;

    private final String experimentId;
    private final Sampler sampler;
    private final Scheduler scheduler;
    private final Dispatcher dispatcher;
    private final SearchBudget budget;
    private final double maxEpochs;
    private final Path checkpoints;
    private final SearchListener listener;
    private final CandidateCheck check;

    private final Object lock = new Object();
    private final Map<Integer, TrialProgress> trials = new LinkedHashMap<>();
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private long deadlineNanos;
    private long startNanos;
    private volatile boolean cancelled;
    /** Set by {@link #interrupt()}: stopped runs leave no end behind, so a resume runs them again. */
    private volatile boolean interrupting;
    private Optional<SearchCheckpoint> resumeFrom = Optional.empty();
    private Fidelity fidelity = Fidelity.EPOCHS;
    /** A specification's value of the second objective, on the ranking's scale; empty for validation error alone. */
    private Optional<ToDoubleFunction<TrialSpec>> secondObjective = Optional.empty();
    private final Map<Integer, Double> secondValues = new HashMap<>();
    private int nextTrialIndex;
    private double elapsedBefore;

    /**
     * @param experimentId the experiment this search belongs to: its trials are addressed by (experiment, index), so
     *                     searches sharing a dispatcher never touch each other's trials
     */
    public SearchRun(String experimentId, Sampler sampler, Scheduler scheduler, Dispatcher dispatcher,
                     SearchBudget budget, double maxEpochs, Path checkpoints, SearchListener listener) {
        this(experimentId, sampler, scheduler, dispatcher, budget, maxEpochs, checkpoints, listener,
                CandidateCheck.NONE);
    }

    /**
     * @param check looks at every new candidate before it trains: one it refuses is recorded as failed (cause
     *              CONSTRAINT, the reason as its message) without a run, counts toward the trial budget but not the
     *              failure limit, and the sampler learns from it as from a failure (the worst value)
     */
    public SearchRun(String experimentId, Sampler sampler, Scheduler scheduler, Dispatcher dispatcher,
                     SearchBudget budget, double maxEpochs, Path checkpoints, SearchListener listener,
                     CandidateCheck check) {
        this.experimentId = new TrialKey(experimentId, 0).experimentId(); // refuses an id unfit for names
        this.sampler = sampler;
        this.scheduler = scheduler;
        this.dispatcher = dispatcher;
        this.budget = budget;
        this.maxEpochs = maxEpochs;
        this.checkpoints = checkpoints;
        this.listener = listener;
        this.check = check;
    }

    /** A trial result delivered from a dispatcher thread to the loop. */
    private record Finished(int trialIndex, TrialResult result, Throwable dispatchError, double seconds) {
    }

    /** Not a trial: put on the queue by {@link #cancel()} to wake the loop. */
    private static final Finished WAKE_UP = new Finished(-1, null, null, 0);

    /**
     * Makes {@link #run()} continue a search stopped mid-way (the coordinator was killed): its trials are restored,
     * the sampler and scheduler continue from their saved state, and trials that were running run again as their
     * next attempt, so the sequence of trials is the one an uninterrupted search would have produced.
     */
    public SearchRun resumingFrom(SearchCheckpoint checkpoint) {
        sampler.restoreState(checkpoint.samplerState());
        scheduler.restoreState(checkpoint.schedulerState());
        synchronized (lock) {
            for (ResumedTrial resumed : checkpoint.trials()) {
                trials.put(resumed.summary().index(), TrialProgress.restored(resumed));
            }
        }
        resumeFrom = Optional.of(checkpoint);
        return this;
    }

    /**
     * Runs the search to its end. Should the search itself break (its listener cannot store, memory runs out), the
     * trials still running are cancelled before the error goes on: none keeps training for a search that is gone.
     */
    public SearchOutcome run() throws InterruptedException {
        try {
            return runToEnd();
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        }
    }

    private SearchOutcome runToEnd() throws InterruptedException {
        long start = System.nanoTime();
        startNanos = start;
        elapsedBefore = resumeFrom.map(SearchCheckpoint::elapsedSeconds).orElse(0.0);
        deadlineNanos = start + budget.maxWallTime().toNanos() - (long) (elapsedBefore * 1e9);
        int running = 0;
        int failed;
        synchronized (lock) {
            nextTrialIndex = resumeFrom.map(c -> Math.max(c.nextTrialIndex(), trials.size())).orElse(0);
            // A candidate refused by the check is not a failure of the search's trials: it never ran.
            failed = (int) trials.values().stream().filter(t -> t.state == TrialState.FAILED
                    && t.failureCause.orElse(null) != FailureCause.CONSTRAINT).count();
            for (TrialProgress trial : List.copyOf(trials.values())) {
                if (trial.interrupted()) {
                    // Created just before the stop and never run: it is checked as a new candidate would be.
                    // Checked under the lock: nothing runs yet for it to hold up.
                    if (trial.runTarget == 0 && refuse(trial, check.refusal(trial.candidate))) {
                        continue;
                    }
                    trial.attempt++;
                    // A trial created just before the stop never started: it has no run to repeat, so it starts anew.
                    double target = trial.runTarget > 0 ? trial.runTarget : scheduler.initialTarget();
                    launch(trial, target, trial.runTarget > 0 && trial.runResumes);
                    running++;
                }
            }
        }
        boolean samplerExhausted = false;
        StopReason stopReason = null;
        Optional<String> failure = Optional.empty();
        while (true) {
            if (cancelled && stopReason == null) {
                stopReason = interrupting ? StopReason.INTERRUPTED : StopReason.CANCELLED;
            }
            while (running < dispatcher.slots() && stopReason == null && !cancelled
                    && System.nanoTime() < deadlineNanos) {
                boolean noNewTrial = nextTrialIndex >= budget.maxTrials() || samplerExhausted;
                synchronized (lock) {
                    IntPredicate paused = index -> trials.get(index).state == TrialState.PAUSED;
                    Optional<Promotion> promotion = scheduler.nextPromotion(paused)
                            .or(() -> noNewTrial ? scheduler.finishingPromotion(paused) : Optional.empty());
                    if (promotion.isPresent()) {
                        launch(trials.get(promotion.get().trialIndex()), promotion.get().targetEpochs(), true);
                        running++;
                        continue;
                    }
                }
                if (noNewTrial) {
                    break;
                }
                Optional<Candidate> candidate;
                synchronized (lock) {
                    candidate = sampler.propose(nextTrialIndex, history());
                }
                if (candidate.isEmpty()) {
                    samplerExhausted = true;
                    break;
                }
                // Outside the lock: checking may measure the candidate (its latency takes a second or more). Only
                // this thread proposes, so the trial index stays this candidate's.
                Optional<String> refusal = check.refusal(candidate.get());
                synchronized (lock) {
                    TrialProgress trial = new TrialProgress(nextTrialIndex, candidate.get());
                    trials.put(nextTrialIndex, trial);
                    listener.onTrialCreated(trial.index, trial.candidate);
                    nextTrialIndex++;
                    if (refuse(trial, refusal)) {
                        continue;
                    }
                    launch(trial, scheduler.initialTarget(), false);
                }
                running++;
            }
            if (running == 0) {
                break;
            }
            Finished done = finished.take();
            if (done == WAKE_UP) {
                continue;
            }
            running--;
            if (settle(done)) {
                failed++;
                if (failed > budget.maxFailedTrials() && stopReason == null) {
                    stopReason = StopReason.TOO_MANY_FAILURES;
                    String last;
                    synchronized (lock) {
                        last = trials.get(done.trialIndex()).message;
                    }
                    failure = Optional.of(failed + " trials failed, more than the limit of "
                            + budget.maxFailedTrials() + "; last: " + last);
                }
            }
        }
        if (stopReason == null) {
            stopReason = System.nanoTime() >= deadlineNanos ? StopReason.WALL_CLOCK_BUDGET
                    : samplerExhausted ? StopReason.SAMPLER_EXHAUSTED : StopReason.TRIAL_BUDGET;
        }
        List<TrialSummary> summaries = new ArrayList<>();
        synchronized (lock) {
            for (TrialProgress trial : trials.values()) {
                if (trial.state == TrialState.PAUSED && stopReason != StopReason.INTERRUPTED) {
                    // Never promoted before the search ended: final at its rung.
                    trial.state = TrialState.PRUNED;
                    listener.onRunEnded(trial.summary(), trial.attempt, 0);
                    listener.onTrialChanged(trial.summary());
                }
                summaries.add(trial.summary());
            }
        }
        return new SearchOutcome(Ranking.rank(summaries), stopReason, failure, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Stops the search: no trial is started any more and every running one is cancelled (its task killed). Safe to
     * call from any thread; {@link #run()} returns once the running trials have ended.
     */
    public void cancel() {
        cancelled = true;
        List<Integer> running = new ArrayList<>();
        synchronized (lock) {
            trials.values().stream().filter(t -> t.state == TrialState.RUNNING).forEach(t -> running.add(t.index));
        }
        running.forEach(index -> dispatcher.cancel(keyOf(index)));
        // Wakes the loop if it waits with nothing running, so it notices the cancellation.
        finished.add(WAKE_UP);
    }

    /**
     * Stops the search because its process is stopping: like {@link #cancel()}, but the stopped trials are recorded
     * as nothing (still running, as the store last saw them) and paused ones stay paused, so the search resumed from
     * its stored state runs them again as their next attempt and proposes what an uninterrupted run would have.
     * {@link #run()} then ends with {@link StopReason#INTERRUPTED}.
     */
    public void interrupt() {
        interrupting = true;
        cancel();
    }

    /** Whether {@link #cancel()} or {@link #interrupt()} was called, before or after the search ended. */
    public boolean stopRequested() {
        return cancelled;
    }

    /** Whether {@link #interrupt()} was called: the process is stopping, and what runs must be resumable. */
    public boolean interruptRequested() {
        return interrupting;
    }

    /** Makes runs to a rung short of the full epochs train on a sample of the images too ({@link Fidelity#DATA}). */
    public SearchRun withFidelity(Fidelity newFidelity) {
        this.fidelity = newFidelity;
        return this;
    }

    /**
     * Makes the search pursue a second objective next to validation error: the sampler learns from each trial's
     * place in {@link ParetoRanking}'s order of both (its observations carry that place as their value, failures
     * last), and ASHA promotes by it. {@code valueOf} gives a specification's value, on the scale the ranking's
     * crowding distance should use ({@link SecondObjective#rankingScale}).
     */
    public SearchRun withSecondObjective(ToDoubleFunction<TrialSpec> valueOf) {
        this.secondObjective = Optional.of(valueOf);
        scheduler.rankAlsoBy(this::secondValueOf);
        return this;
    }

    /** Trial {@code trialIndex}'s value of the second objective; called with the lock held. */
    private double secondValueOf(int trialIndex) {
        return secondValues.computeIfAbsent(trialIndex, index ->
                secondObjective.orElseThrow().applyAsDouble(trials.get(index).candidate.spec()));
    }

    /** Where a search keeping its checkpoints in {@code checkpoints} saves trial {@code trialIndex}'s model. */
    public static Path checkpointOf(Path checkpoints, int trialIndex) {
        return checkpoints.resolve("trial-" + trialIndex + ".zip");
    }

    private TrialKey keyOf(int trialIndex) {
        return new TrialKey(experimentId, trialIndex);
    }

    /** Dispatches a run of the trial; called with the lock held. */
    private void launch(TrialProgress trial, double targetEpochs, boolean resume) {
        Duration left = Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime()));
        TrialTask task = new TrialTask(keyOf(trial.index), trial.candidate.spec(), targetEpochs, resume,
                checkpointOf(checkpoints, trial.index), Optional.of(left),
                fidelity.validationShare(targetEpochs, maxEpochs), resume ? Optional.empty() : inheritance(trial),
                fidelity.trainingShare(targetEpochs, maxEpochs));
        trial.state = TrialState.RUNNING;
        trial.decision = Decision.CONTINUE;
        trial.runTarget = targetEpochs;
        trial.runResumes = resume;
        listener.onRunStarted(trial.index, trial.attempt, targetEpochs, resume);
        listener.onTrialChanged(trial.summary());
        publishSearchState();
        long runStart = System.nanoTime();
        CompletableFuture<TrialResult> submitted;
        try {
            submitted = dispatcher.submit(task, listenerFor(trial));
        } catch (RuntimeException e) {
            // The dispatcher refused the task (shut down, cluster gone): an infrastructure failure of this trial.
            submitted = CompletableFuture.failedFuture(e);
        }
        if (cancelled) {
            // cancel() may have looked at the running trials just before this one started.
            dispatcher.cancel(keyOf(trial.index));
        }
        submitted.whenComplete((result, error) -> finished.add(new Finished(trial.index, result, error,
                (System.nanoTime() - runStart) / 1e9)));
    }

    /**
     * Records the trial as failed, without a run, when the check refused its candidate ({@code refusal} present).
     * Called with the lock held.
     */
    private boolean refuse(TrialProgress trial, Optional<String> refusal) {
        refusal.ifPresent(reason -> {
            trial.fail(FailureCause.CONSTRAINT, reason);
            listener.onRunEnded(trial.summary(), trial.attempt, 0);
            listener.onTrialChanged(trial.summary());
            publishSearchState();
        });
        return refusal.isPresent();
    }

    /** A child's parent's checkpoint, when it has a parent that saved one: its weights are the child's start. */
    private Optional<Path> inheritance(TrialProgress trial) {
        return trial.candidate.parent().stream().mapToObj(parent -> checkpointOf(checkpoints, parent))
                .filter(Files::isRegularFile).findFirst();
    }

    /** Feeds a running trial's epochs to the scheduler and tells the trainer when the scheduler says stop. */
    private TrialListener listenerFor(TrialProgress trial) {
        return new TrialListener() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                synchronized (lock) {
                    trial.epochs.add(metrics);
                    trial.parameterCount = metrics.parameterCount();
                    trial.decision = scheduler.onEpoch(trial.index, metrics.epoch(), metrics.validationError());
                    listener.onEpoch(trial.index, trial.attempt, metrics);
                    listener.onTrialChanged(trial.summary());
                    publishSearchState();
                }
            }

            @Override
            public boolean shouldStop() {
                synchronized (lock) {
                    return trial.decision != Decision.CONTINUE;
                }
            }
        };
    }

    /** Records how a run of a trial ended; true when the trial failed. */
    private boolean settle(Finished done) {
        synchronized (lock) {
            TrialProgress trial = trials.get(done.trialIndex());
            TrialResult result = done.result();
            Throwable error = done.dispatchError() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : done.dispatchError();
            if (error != null && interrupting) {
                // Stopped with the process (its cancel, or Spark stopping under it first): it keeps no end, and its
                // run's time is not counted twice on resume.
                return false;
            } else if (error instanceof CancellationException) {
                trial.state = TrialState.CANCELLED;
                trial.message = "cancelled";
            } else if (error != null) {
                trial.fail(FailureCause.INFRASTRUCTURE, String.valueOf(error));
            } else if (result.state() == TrialState.FAILED
                    && result.failureCause().orElseThrow() == FailureCause.TIMEOUT) {
                trial.epochsTrained = result.epochsTrained();
                trial.state = TrialState.TIMED_OUT;
                trial.message = "the search's wall-clock budget ran out while it trained";
            } else if (result.state() == TrialState.FAILED) {
                trial.fail(result.failureCause().orElseThrow(), result.message());
            } else {
                trial.epochsTrained = result.epochsTrained();
                trial.state = switch (trial.decision) {
                    case STOP -> TrialState.PRUNED;
                    case PAUSE -> TrialState.PAUSED;
                    case CONTINUE -> trial.epochsTrained >= maxEpochs - EPSILON ? TrialState.COMPLETED
                            : TrialState.CANCELLED;
                };
            }
            if (trial.state != TrialState.PAUSED) {
                scheduler.onTrialEnd(trial.index);
            }
            trial.seconds += done.seconds();
            listener.onRunEnded(trial.summary(), trial.attempt, done.seconds());
            listener.onTrialChanged(trial.summary());
            publishSearchState();
            return trial.state == TrialState.FAILED;
        }
    }

    /** Called with the lock held, after every change of the sampler or the scheduler. */
    private void publishSearchState() {
        listener.onSearchState(sampler.saveState(), scheduler.saveState(), nextTrialIndex,
                elapsedBefore + (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * What the sampler learns from: every trial that reported, at its {@link Objective}; failures count as worst.
     * With a second objective, each value is the trial's place in the Pareto order of both instead.
     */
    private List<Observation> history() {
        List<TrialProgress> observed = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (TrialProgress trial : trials.values()) {
            if (trial.state == TrialState.FAILED) {
                observed.add(trial);
                errors.add(Double.NaN);
            } else {
                Objective.of(trial.epochs).ifPresent(error -> {
                    observed.add(trial);
                    errors.add(error);
                });
            }
        }
        double[] values = errors.stream().mapToDouble(error -> Double.isNaN(error) ? WORST_ERROR : error).toArray();
        if (secondObjective.isPresent()) {
            // A failure's NaN puts it after every measured trial.
            values = ParetoRanking.orderKeys(errors.stream().mapToDouble(Double::doubleValue).toArray(),
                    observed.stream().mapToDouble(trial -> secondValueOf(trial.index)).toArray());
        }
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < observed.size(); i++) {
            observations.add(new Observation(observed.get(i).index, observed.get(i).candidate.parameters(),
                    values[i]));
        }
        return observations;
    }
}
