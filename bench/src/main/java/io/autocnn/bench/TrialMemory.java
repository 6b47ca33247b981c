package io.autocnn.bench;

import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;
import org.bytedeco.javacpp.Pointer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs many small trials back to back in one JVM, as a long sweep does, and records heap (after a full GC) and
 * off-heap memory (JavaCPP's tracked bytes and the process's physical bytes) every so often: if trial memory were
 * not released, the figures would grow with the trial count. Writes bench/results/trial-memory.md.
 *
 * <p>Arguments: trials (default 1000), report every (default 100).
 */
public final class TrialMemory {

    private TrialMemory() {
    }

    public static void main(String[] args) throws IOException {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        TrainingData data = BenchData.fashionMnist(800, 0.25);
        TrialRunner runner = new TrialRunner();
        List<String> rows = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 1; t <= trials; t++) {
            // Each trial: a fresh LeNet-5 with its own seed, a few batches, evaluation, as in a sweep's low rung.
            var spec = LeNet5.spec().withTraining(LeNet5.spec().training().withEpochs(0.1).withSeed(t));
            TrialResult result = runner.run(spec, data, TrialRun.epochs(0.1), TrialListener.NONE);
            if (result.state() != TrialState.COMPLETED) {
                throw new IllegalStateException("trial " + t + " failed: " + result.message());
            }
            if (t == 1 || t % every == 0) {
                System.gc();
                Runtime runtime = Runtime.getRuntime();
                long heap = runtime.totalMemory() - runtime.freeMemory();
                String row = String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.0f |", t, heap / 1e6,
                        Pointer.totalBytes() / 1e6, Pointer.physicalBytes() / 1e6, (System.nanoTime() - start) / 1e9);
                System.out.println(row);
                rows.add(row);
            }
        }
        Path out = Path.of("bench", "results", "trial-memory.md");
        List<String> lines = new ArrayList<>(List.of("# Memory over " + trials + " trials in one JVM", "",
                LocalDate.now() + ": `TrialMemory " + trials + " " + every + "`. Each trial builds a fresh LeNet-5, "
                        + "trains 0.1 epoch of 600 real Fashion-MNIST images, evaluates 200. Heap is measured after "
                        + "System.gc(); JavaCPP bytes are ND4J's off-heap allocations it tracks; physical bytes are "
                        + "the process's resident memory.", "",
                "| trials done | heap used (MB) | JavaCPP tracked off-heap (MB) | process physical (MB) | seconds |",
                "|---|---|---|---|---|"));
        lines.addAll(rows);
        ResultsFile.write(out, lines);
    }
}
