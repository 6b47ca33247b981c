package io.autocnn.bench;

import io.autocnn.workers.files.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's results file under {@code bench/results/}: the program writes its table above {@link #KEPT_BELOW};
 * what people wrote below that line (readings, earlier runs worth keeping) survives a rerun. Without it, each rerun
 * of a benchmark erased the readings beside its figures and they had to be put back by hand.
 */
public final class ResultsFile {

    /** The line that starts the hand-written part; a file without it is all the program's. */
    public static final String KEPT_BELOW =
            "<!-- Written by hand below this line: a rerun of the benchmark replaces only what is above it. -->";

    private ResultsFile() {
    }

    /**
     * Replaces the program's part of {@code file} with {@code generated}, keeping the marker line and everything after
     * it; the file is written whole or not at all.
     */
    public static void write(Path file, List<String> generated) throws IOException {
        List<String> lines = new ArrayList<>(generated);
        List<String> kept = keptPart(file);
        if (!kept.isEmpty()) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.addAll(kept);
        }
        String text = String.join("\n", lines) + "\n";
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #write(Path, List)} with the program's part as one text. */
    public static void write(Path file, String generated) throws IOException {
        write(file, generated.lines().toList());
    }

    /** The marker line and all after it, or nothing when the file or the marker is missing. */
    static List<String> keptPart(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int marker = lines.indexOf(KEPT_BELOW);
        return marker < 0 ? List.of() : lines.subList(marker, lines.size());
    }

    /** For scripts: {@code java … io.autocnn.bench.ResultsFile FILE < generated-part}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ResultsFile FILE < generated-part");
            System.exit(2);
        }
        try (InputStream in = System.in) {
            write(Path.of(args[0]), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
