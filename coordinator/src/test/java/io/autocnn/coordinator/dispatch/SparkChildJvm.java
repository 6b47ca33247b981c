package io.autocnn.coordinator.dispatch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM for tests that stop, kill or starve a process of their own: this JVM's java and classpath, the flags
 * Spark needs on JDK 17, Spark bound to loopback, and stdout and stderr together in {@code log}.
 */
public final class SparkChildJvm {

    private SparkChildJvm() {
    }

    /** Starts {@code mainClass} with {@code jvmOptions} (heap size, system properties) and {@code arguments}. */
    public static Process start(List<String> jvmOptions, String mainClass, List<String> arguments, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(SparkDispatcher.jvmFlags().split(" ")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }
}
