package io.autocnn.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * How much faster this machine does two equal pieces of work at once than one, with nothing but that work running:
 * the ceiling any sweep on two one-core workers can reach here, whatever its orchestration. Three kinds of work, each
 * timed alone and then twice side by side on two threads of this JVM: arithmetic on registers only (do the two cores
 * compute independently?), reading a large array (memory bandwidth), and single-threaded ND4J matrix products of the
 * size a small network's convolutions make (what training does; run with {@code OMP_NUM_THREADS=1}). Ratio: 2 × (time
 * alone) / (time of the two together); 2.00x is two independent cores. Writes bench/results/machine-ceiling.md.
 *
 * <p>Arguments: rounds (default 3); each row is one round, so the spread is visible.
 */
public final class MachineCeiling {

    private MachineCeiling() {
    }

    /** One kind of work: a description and a factory of one piece of it per thread (its set-up not timed). */
    private record Work(String name, IntFunction<Callable<Double>> piece) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
            // Else one matrix product alone would already use every core, and the ratio would mean nothing.
            throw new IllegalStateException("run with OMP_NUM_THREADS=1 (bench/dispatch.sh does)");
        }
        List<Work> works = List.of(
                new Work("arithmetic on registers (a billion dependent multiply-adds)", thread -> () -> {
                    double x = 1 + thread;
                    for (long i = 0; i < 1_000_000_000L; i++) {
                        x = x * 0.999999999 + 1e-9;
                    }
                    return x;
                }),
                // A dependent chain leaves most of a core idle, so two hardware threads of one core would still
                // show 2x above; this one fills the vector units from the L1 cache, which two threads of one core
                // share and two cores do not.
                new Work("arithmetic filling the vector units (multiply-adds over a 16 KiB array, 10 million passes)",
                        thread -> {
                            float[] array = new float[4_096];
                            Arrays.fill(array, thread + 1);
                            return () -> {
                                for (int pass = 0; pass < 10_000_000; pass++) {
                                    for (int i = 0; i < array.length; i++) {
                                        array[i] = array[i] * 0.999f + 0.001f;
                                    }
                                }
                                return (double) array[0];
                            };
                        }),
                new Work("reading memory (a 256 MiB array per thread, 64 passes)", thread -> {
                    long[] array = new long[32 * 1024 * 1024];
                    Arrays.fill(array, thread + 1);
                    return () -> {
                        long sum = 0;
                        for (int pass = 0; pass < 64; pass++) {
                            for (long value : array) {
                                sum += value;
                            }
                        }
                        return (double) sum;
                    };
                }),
                new Work("ND4J matrix products (576 x 784 by 784 x 64, float, 1,000 times)", thread -> {
                    // The shapes of a 3x3 convolution of 64 filters over a 28x28 map of 64 channels, as im2col makes it.
                    INDArray kernels = Nd4j.rand(DataType.FLOAT, 64, 576);
                    INDArray columns = Nd4j.rand(DataType.FLOAT, 576, 784);
                    return () -> {
                        double check = 0;
                        for (int i = 0; i < 1_000; i++) {
                            check += kernels.mmul(columns).getDouble(0, 0);
                        }
                        return check;
                    };
                }));
        List<String> rows = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (Work work : works) {
                for (int warmUp = 0; warmUp < 2; warmUp++) {
                    timeTogether(threads, work, 1); // the JIT and native libraries, not timed
                }
                for (int round = 1; round <= rounds; round++) {
                    double alone = timeTogether(threads, work, 1);
                    double together = timeTogether(threads, work, 2);
                    String row = String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2fx |", work.name(), round,
                            alone, together, 2 * alone / together);
                    System.out.println(row);
                    rows.add(row);
                }
            }
        } finally {
            threads.shutdownNow();
        }
        write(rounds, rows);
    }

    /** Seconds from starting {@code count} pieces of {@code work} at once, one per thread, to the last one's end. */
    private static double timeTogether(ExecutorService threads, Work work, int count) throws Exception {
        List<Callable<Double>> pieces = new ArrayList<>();
        for (int thread = 0; thread < count; thread++) {
            pieces.add(work.piece().apply(thread));
        }
        long start = System.nanoTime();
        double check = 0;
        for (Future<Double> done : threads.invokeAll(pieces)) {
            check += done.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(check)) {
            throw new IllegalStateException("the work computed nothing"); // also keeps the JIT from dropping it
        }
        return seconds;
    }

    private static void write(int rounds, List<String> rows) throws Exception {
        Path out = Path.of("bench", "results", "machine-ceiling.md");
        List<String> lines = new ArrayList<>(List.of("# The machine's ceiling for two things at once", "",
                LocalDate.now() + ": `MachineCeiling " + rounds + "` on this machine ("
                        + Runtime.getRuntime().availableProcessors() + " cores as the JVM sees them), "
                        + "OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset") + ". Each "
                        + "kind of work timed alone, then two equal pieces of it at once on two threads; ratio: 2 × "
                        + "(alone) / (together), 2.00x for two independent cores. A sweep on two one-core workers "
                        + "cannot scale past the ratio of the work its trials do (bench/results/cluster-scaling.md).",
                "",
                "| work | round | alone (s) | two at once (s) | two at once vs one |",
                "|---|---|---|---|---|"));
        lines.addAll(rows);
        ResultsFile.write(out, lines);
    }
}
