package io.autocnn.space.scheduler;

/** A paused trial the scheduler wants trained further, from its saved model, up to {@code targetEpochs}. */
public record Promotion(int trialIndex, double targetEpochs) {
}
