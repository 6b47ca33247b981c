package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.compare.FinalTraining;
import io.autocnn.coordinator.definition.SearchDefinition;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --final-training SHARE}: the share of the budget in which the search's chosen model trains further once
 * chosen ({@link FinalTraining}). Its default differs by command: {@code compare} reports the search with and
 * without it, so it trains by default; {@code search} gives the whole budget to the search unless asked.
 */
final class FinalTrainingOption {

    @Option(names = "--final-training", paramLabel = "SHARE",
            description = "Share of the budget (0 to 0.9) in which the search's chosen model trains further, on "
                    + "training and validation images with a cosine anneal, after a search given the rest. "
                    + "Default: 0.2 for compare (its report gives the search with and without it), 0 for search.")
    Double share;

    /** The share asked for, or the command's default. */
    double share(double commandDefault) {
        return share == null ? commandDefault : share;
    }

    /** The final training asked for, or the command's default share, for a search of {@code definition}. */
    FinalTraining finalTraining(double commandDefault, SearchDefinition definition) {
        return FinalTraining.of(share(commandDefault), definition);
    }

    /** {@code definition} with the part of {@code budget} that final training leaves to the search. */
    static SearchDefinition searchPart(SearchDefinition definition, FinalTraining finalTraining, Duration budget) {
        return finalTraining.enabled()
                ? definition.withMaxWallTimeSeconds(Math.max(1, finalTraining.searchBudget(budget).toSeconds()))
                : definition;
    }
}
