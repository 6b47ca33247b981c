package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.dispatch.SparkChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code autocnn cluster} as a user runs it: a master that prints how to join it, and a worker joining that way. */
@Tag("slow")
class ClusterCommandTest {

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aMasterPrintsTheCommandThatJoinsAWorkerToItAndThatCommandDoes() throws Exception {
        int port = freePort();
        int workerPort = freePort();
        Path masterLog = dir.resolve("master.out");
        Process master = SparkChildJvm.start(List.of(), AutoCnn.class.getName(), List.of("cluster", "--workers",
                "0", "--host", "127.0.0.1", "--port", Integer.toString(port), "--dir",
                dir.resolve("master").toString()), masterLog);
        Process worker = null;
        try {
            String join = awaitLine(masterLog, "join it ", master).substring("join it ".length()).trim();
            assertThat(join).isEqualTo("bin/autocnn cluster --join spark://127.0.0.1:" + port
                    + " --workers 1 --host ADDRESS --secret-file SECRET_COPY");

            // What the other machine does: its own address, a copy of the secret, the printed command.
            Path copy = dir.resolve("secret-copy");
            Files.copy(dir.resolve("master").resolve("spark-secret"), copy);
            List<String> arguments = new ArrayList<>(Arrays.asList(join.replace("ADDRESS", "127.0.0.1")
                    .replace("SECRET_COPY", copy.toString()).split(" ")));
            arguments.remove(0); // bin/autocnn
            arguments.addAll(List.of("--dir", dir.resolve("worker").toString(), "--worker-port",
                    Integer.toString(workerPort)));
            Path workerLog = dir.resolve("worker.out");
            worker = SparkChildJvm.start(List.of(), AutoCnn.class.getName(), arguments, workerLog);
            assertThat(awaitLine(workerLog, "master ", worker)).contains("spark://127.0.0.1:" + port, "(joined)");
            assertThat(Files.readString(dir.resolve("worker").resolve("worker-1.log")))
                    .contains("Successfully registered with master")
                    .contains("Starting Spark worker 127.0.0.1:" + workerPort + " ");
        } finally {
            for (Process process : Optional.ofNullable(worker).map(w -> List.of(w, master)).orElse(List.of(master))) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    /** The first line of {@code log} starting with {@code prefix}, waiting up to two minutes for it. */
    private static String awaitLine(Path log, String prefix, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Optional<String> line = Files.readAllLines(log).stream().filter(l -> l.startsWith(prefix)).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended before printing '" + prefix + "': "
                        + (Files.exists(log) ? Files.readString(log) : "no output"));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line '" + prefix + "' in two minutes: " + Files.readString(log));
    }
}
