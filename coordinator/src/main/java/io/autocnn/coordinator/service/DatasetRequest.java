package io.autocnn.coordinator.service;

/**
 * The data an experiment trains on.
 *
 * @param name               a registered dataset name ({@code DatasetCatalog.NAMES})
 * @param path               "" for the dataset's default location, else a relative path under the service's
 *                           dataset root (never outside it)
 * @param limit              class-balanced sample of this many training images; 0 for all
 * @param testLimit          the same for test images
 * @param validationFraction share of training images held out for validation
 * @param imageHeight        for a {@code folder} dataset: height images are resized to (other datasets have theirs)
 * @param imageWidth         the same for the width
 * @param channels           for a {@code folder} dataset: 1 (gray) or 3 (colour)
 */
public record DatasetRequest(String name, String path, int limit, int testLimit, double validationFraction,
                             int imageHeight, int imageWidth, int channels) {
}
