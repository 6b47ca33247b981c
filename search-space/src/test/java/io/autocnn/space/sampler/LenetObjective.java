package io.autocnn.space.sampler;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrialSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in for validation error over examples/lenet-space.yaml: the distance of a candidate from a
 * hidden optimum (three blocks of 16/32/64 filters with 5x5, 3x3, 3x3 kernels, pooling after the first two, 128 dense
 * units, dropout 0.25, Adam at a learning rate of 0.002, batch 64), 0 at the optimum. Every searched parameter
 * matters, per layer, so a sampler that learns from the history should find low values sooner than random search.
 */
final class LenetObjective {

    static final SearchSpace SPACE = SpaceFile.read(Path.of("..", "examples", "lenet-space.yaml"));

    private static final int[] FILTERS = {16, 32, 64};
    private static final int[] KERNELS = {5, 3, 3};

    private LenetObjective() {
    }

    static double value(Candidate candidate) {
        TrialSpec spec = candidate.spec();
        double f = 0.6 * square(Math.log(spec.training().learningRate() / 0.002) / Math.log(0.01 / 0.0003));
        List<ConvBlock> blocks = spec.convBlocks();
        f += blocks.size() == 3 ? 0 : 0.3;
        for (int i = 0; i < blocks.size(); i++) {
            ConvBlock block = blocks.get(i);
            f += 0.4 * square(Math.log(block.filters() / (double) FILTERS[i]) / Math.log(128 / 6.0));
            f += block.kernelSize() == KERNELS[i] ? 0 : 0.1;
            f += block.pooling().isPresent() == i < 2 ? 0 : 0.05;
        }
        DenseLayerSpec dense = spec.denseLayers().get(0);
        f += 0.3 * square(Math.log(dense.units() / 128.0) / Math.log(256 / 32.0));
        f += 0.4 * square(dense.dropout() - 0.25);
        f += spec.denseLayers().size() == 1 ? 0 : 0.05;
        f += spec.training().optimizer() == Optimizer.ADAM ? 0 : 0.1;
        f += spec.training().batchSize() == 64 ? 0 : 0.05;
        return f;
    }

    /** Runs {@code trials} proposals, feeding each result back; returns the proposals in order. */
    static List<Candidate> run(Sampler sampler, int trials) {
        List<Observation> history = new ArrayList<>();
        List<Candidate> proposals = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Candidate candidate = sampler.propose(i, history).orElseThrow();
            proposals.add(candidate);
            history.add(new Observation(i, candidate.parameters(), value(candidate)));
        }
        return proposals;
    }

    /** The lowest value among the proposals. */
    static double best(List<Candidate> proposals) {
        return proposals.stream().mapToDouble(LenetObjective::value).min().orElseThrow();
    }

    private static double square(double x) {
        return x * x;
    }
}
