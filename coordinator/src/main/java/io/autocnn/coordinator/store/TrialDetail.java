package io.autocnn.coordinator.store;

import io.autocnn.space.trial.EpochMetrics;

import java.util.List;

/** One trial with every epoch it reported, in order (across promotions; the latest attempt's where it was re-run). */
public record TrialDetail(TrialRow trial, List<EpochMetrics> epochs) {
}
