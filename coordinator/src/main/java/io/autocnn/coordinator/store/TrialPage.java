package io.autocnn.coordinator.store;

import java.util.List;

/** One page of a trial listing, and how many trials match in all. */
public record TrialPage(long total, List<TrialRow> rows) {
}
