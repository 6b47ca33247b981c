package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.workers.train.TrainingData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The search side's chosen model: the search's own best trial (lowest validation error at its latest epoch), whose
 * checkpoint in the search's checkpoint folder holds exactly that epoch's weights.
 */
public final class SearchChoice {

    private SearchChoice() {
    }

    public static ChosenModel of(SearchOutcome outcome, Path checkpoints, TrainingData data) throws IOException {
        // Both are problems a user fixes (a space whose trials fail, a budget too small): a message, not a trace.
        TrialSummary best = outcome.best().orElseThrow(() -> outcome.failure().isPresent()
                ? new IllegalArgumentException("the search failed, so there is nothing to compare; check the space: "
                + outcome.failure().get())
                : new IllegalArgumentException(String.format(Locale.ROOT, "the budget is too small: no "
                + "trial of the search measured a validation error in %.0f s", outcome.seconds())));
        double epochsTrained = outcome.ranking().stream().mapToDouble(TrialSummary::epochsTrained).sum();
        return new ChosenModel(Side.SEARCH, best.candidate().spec().withTraining(best.candidate().spec().training()
                .withEpochs(best.epochsTrained())), TestAccuracy.of(SearchRun.checkpointOf(checkpoints, best.index()),
                data), best.validationError().getAsDouble(), best.epochsTrained(), epochsTrained,
                best.parameterCount(), outcome.seconds(), best.epochs());
    }
}
