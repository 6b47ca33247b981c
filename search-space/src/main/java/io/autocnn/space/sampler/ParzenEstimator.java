package io.autocnn.space.sampler;

import java.util.SplittableRandom;

/**
 * A density over one parameter's coordinate, fitted to a set of observed coordinates: TPE fits one to the good
 * trials (l) and one to the others (g) and proposes the candidate drawn from l that maximises l(x)/g(x).
 * Coordinates are unit-scale values for numeric parameters and choice positions for categorical ones.
 */
interface ParzenEstimator {

    double sample(SplittableRandom random);

    double logDensity(double x);
}
