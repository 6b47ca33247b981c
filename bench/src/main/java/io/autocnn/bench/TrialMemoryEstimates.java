package io.autocnn.bench;

import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecLimits;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialMemoryEstimate;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;
import org.bytedeco.javacpp.Pointer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the trial memory estimate (DL4J's memory report, which the trial runner uses to refuse trials that would not
 * fit) against what training really allocates: each network trains a few dozen batches and measures its errors while
 * a sampler thread records the peak of the process's resident memory above its level before the trial. Networks run smallest first, because ND4J keeps a thread's workspaces at the largest size seen. Ends with the
 * estimate alone for the largest network the per-field limits accept. Writes bench/results/trial-memory-estimate.md.
 *
 * <p>Arguments: training images (default 3000).
 */
public final class TrialMemoryEstimates {

    private TrialMemoryEstimates() {
    }

    private record Case(String name, TrialSpec spec) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        TrainingData data = BenchData.fashionMnist(images, 0.25);
        RunnerOptions options = new RunnerOptions(1_000, 1_000);
        TrialRunner runner = new TrialRunner(options);
        List<Case> cases = List.of(
                new Case("LeNet-5, batch 64", LeNet5.spec()),
                new Case("LeNet-5, batch 512", withBatch(LeNet5.spec(), 512)),
                new Case("deeper candidate of the throughput bench, batch 64", TrainingThroughput.deeper()),
                new Case("3 blocks 128 5x5 pooled, dense 1024, batch 256", pooled(List.of(128, 128, 128), 5, 1024, 256)),
                new Case("4 blocks 64 3x3 unpooled, dense 512, batch 256", unpooled(4, 64, 512, 256)));
        peakResidentGrowthWhileTraining(runner, LeNet5.spec(), data); // warm-up: JIT, native libraries, thread stacks
        List<String> rows = new ArrayList<>();
        for (Case c : cases) {
            TrialMemoryEstimate estimate = estimate(c.spec(), data, options);
            long measured = peakResidentGrowthWhileTraining(runner, c.spec(), data);
            String row = String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f |", c.name(),
                    estimate.trainingBytes() / MB, estimate.inferenceBytes() / MB, measured / MB,
                    estimate.peakBytes() / (double) measured);
            System.out.println(row);
            rows.add(row);
        }
        TrialSpec largest = TrialSpecLimits.largestAccepted();
        TrialMemoryEstimate largestEstimate = estimate(largest, data, options);
        String largestRow = String.format(Locale.ROOT, "| largest accepted: %d unpooled 5x5 blocks of %d filters, "
                        + "%d dense layers of %d, batch %d | %.1f | %.1f | not trained | - |",
                TrialSpecLimits.MAX_CONV_BLOCKS, TrialSpecLimits.MAX_FILTERS, TrialSpecLimits.MAX_DENSE_LAYERS,
                TrialSpecLimits.MAX_DENSE_UNITS, TrialSpecLimits.MAX_BATCH_SIZE,
                largestEstimate.trainingBytes() / MB, largestEstimate.inferenceBytes() / MB);
        System.out.println(largestRow);
        rows.add(largestRow);

        Path out = Path.of("bench", "results", "trial-memory-estimate.md");
        List<String> lines = new ArrayList<>(List.of("# Trial memory: estimate against measurement", "",
                LocalDate.now() + ": `TrialMemoryEstimates " + images + "`, real Fashion-MNIST (28x28 gray), "
                        + "measuring in chunks of " + options.evaluationChunk() + " images. Estimate: DL4J's memory "
                        + "report (training at the batch size, inference for measuring), as the trial runner uses it. "
                        + "Measured, sampled every millisecond while the trial trains about 30 batches and measures "
                        + "its errors: the peak growth of the process's resident memory above its level before the "
                        + "trial, after an untimed LeNet-5 warm-up trial (ND4J's workspaces are allocated natively, "
                        + "so neither JavaCPP's tracked bytes nor ND4J's AllocationsTracker count them on this "
                        + "backend; resident memory also holds what native libraries touch, and memory an earlier "
                        + "trial freed and this one reuses does not show as growth).",
                "", "| network | estimate, training (MB) | estimate, measuring (MB) | measured resident growth (MB) "
                        + "| estimate / measured |", "|---|---|---|---|---|"));
        lines.addAll(rows);
        ResultsFile.write(out, lines);
    }

    private static final double MB = 1 << 20;

    /** The estimate the trial runner makes before it starts this trial. */
    private static TrialMemoryEstimate estimate(TrialSpec spec, TrainingData data, RunnerOptions options) {
        return TrialMemoryEstimate.of(CnnBuilder.configuration(spec, data.shape(), data.numClasses()), data.shape(),
                spec.training().batchSize(), options.evaluationChunk());
    }

    private static long peakResidentGrowthWhileTraining(TrialRunner runner, TrialSpec spec, TrainingData data)
            throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        long residentBefore = Pointer.physicalBytes();
        AtomicLong residentPeak = new AtomicLong(residentBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                residentPeak.accumulateAndGet(Pointer.physicalBytes(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        int batches = 30;
        double epochs = Math.min(1, batches * spec.training().batchSize() / (double) data.train().size());
        TrialSpec shortened = spec.withTraining(spec.training().withEpochs(epochs));
        TrialResult result = runner.run(shortened, data, TrialRun.epochs(epochs), TrialListener.NONE);
        sampler.interrupt();
        sampler.join();
        if (result.state() != TrialState.COMPLETED) {
            throw new IllegalStateException(spec.summary() + " failed: " + result.message());
        }
        return residentPeak.get() - residentBefore;
    }

    private static TrialSpec withBatch(TrialSpec spec, int batch) {
        return spec.withTraining(spec.training().withBatchSize(batch));
    }

    private static TrialSpec pooled(List<Integer> filters, int kernel, int dense, int batch) {
        List<ConvBlock> blocks = filters.stream()
                .map(f -> ConvBlock.of(f, kernel, PaddingMode.SAME).withPooling(Pooling.max(2))).toList();
        return new TrialSpec(blocks, List.of(DenseLayerSpec.of(dense)), adam(batch));
    }

    private static TrialSpec unpooled(int depth, int filters, int dense, int batch) {
        return new TrialSpec(Collections.nCopies(depth, ConvBlock.of(filters, 3, PaddingMode.SAME)),
                List.of(DenseLayerSpec.of(dense)), adam(batch));
    }

    private static TrainingSettings adam(int batch) {
        return new TrainingSettings(batch, 1, 1e-3, Optimizer.ADAM, 0.0, 1);
    }
}
