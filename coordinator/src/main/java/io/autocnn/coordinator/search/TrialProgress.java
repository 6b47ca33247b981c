package io.autocnn.coordinator.search;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.scheduler.Decision;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mutable state of one trial of a {@link SearchRun}, guarded by the search's lock. */
final class TrialProgress {

    final int index;
    final Candidate candidate;
    final List<EpochMetrics> epochs = new ArrayList<>();
    TrialState state = TrialState.PENDING;
    Decision decision = Decision.CONTINUE;
    Optional<FailureCause> failureCause = Optional.empty();
    String message = "";
    double epochsTrained;
    long parameterCount;
    double seconds;
    /** 1, or more when the coordinator restarted while the trial ran. */
    int attempt = 1;
    /** The current (or last) run's target and whether it resumed a checkpoint: a restart re-runs it as it was. */
    double runTarget;
    boolean runResumes;

    TrialProgress(int index, Candidate candidate) {
        this.index = index;
        this.candidate = candidate;
    }

    /** A trial as a resumed search finds it in the store. */
    static TrialProgress restored(ResumedTrial resumed) {
        TrialSummary summary = resumed.summary();
        TrialProgress trial = new TrialProgress(summary.index(), summary.candidate());
        trial.epochs.addAll(summary.epochs());
        trial.state = summary.state();
        trial.failureCause = summary.failureCause();
        trial.message = summary.message();
        trial.epochsTrained = summary.epochsTrained();
        trial.parameterCount = summary.parameterCount();
        trial.seconds = summary.seconds();
        trial.attempt = resumed.attempt();
        trial.runTarget = resumed.runTarget();
        trial.runResumes = resumed.runResumes();
        return trial;
    }

    /** Ran (or was about to run) when the coordinator stopped: it must run again. */
    boolean interrupted() {
        return state == TrialState.RUNNING || state == TrialState.PENDING;
    }

    void fail(FailureCause cause, String why) {
        state = TrialState.FAILED;
        failureCause = Optional.of(cause);
        message = why;
    }

    TrialSummary summary() {
        return new TrialSummary(index, candidate, state, failureCause, message, epochs, epochsTrained,
                parameterCount, seconds);
    }
}
