package io.autocnn.coordinator.service;

import io.autocnn.coordinator.dispatch.SparkOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every port a running service opens (the API, Spark's driver RPC and block manager, the internal report endpoint)
 * listens on loopback only, read from the kernel's own socket tables ({@code /proc/net/tcp}, {@code tcp6}) for the
 * sockets this JVM holds.
 */
@Tag("slow")
class ListeningSocketsTest {

    private static final String LISTEN = "0A";

    @TempDir
    Path dataDir;

    /** The inodes of this process's sockets. */
    private static Set<String> socketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor that went away while listing
                }
            }
        }
        return inodes;
    }

    /** "address:port" in the tables' hex of every listening socket of this process. */
    private static List<String> listening() throws IOException {
        Set<String> mine = socketInodes();
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table))
                    .size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(LISTEN) && mine.contains(fields[9])) {
                    addresses.add(fields[1]);
                }
            }
        }
        return addresses;
    }

    /** 127.x.x.x (IPv4, little-endian hex), ::1, or ::ffff:127.x.x.x. */
    private static boolean loopback(String hexAddressAndPort) {
        String address = hexAddressAndPort.substring(0, hexAddressAndPort.indexOf(':'));
        if (address.length() == 8) {
            return address.endsWith("7F");
        }
        return address.equals("00000000000000000000000001000000")
                || address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F");
    }

    @Test
    void aRunningServiceListensOnLoopbackOnly() throws Exception {
        try (CoordinatorService service = CoordinatorService.start(ServiceOptions.loopback(dataDir),
                SparkOptions.embedded().withMaster("local[1]").withConcurrency(1, 1))) {
            List<String> sockets = listening();
            // At least the API, Spark's RPC and block manager, and the report endpoint.
            assertThat(sockets).hasSizeGreaterThanOrEqualTo(4);
            assertThat(sockets).allSatisfy(socket -> assertThat(loopback(socket)).as(socket + " is loopback")
                    .isTrue());
            assertThat(service.port()).isPositive();
        }
    }

    @Test
    void theAddressCheckTellsLoopbackFromTheRest() {
        assertThat(loopback("0100007F:1F90")).isTrue();
        assertThat(loopback("00000000:1F90")).as("0.0.0.0").isFalse();
        assertThat(loopback("0000000000000000FFFF00000100007F:1F90")).isTrue();
        assertThat(loopback("00000000000000000000000000000000:1F90")).as("::").isFalse();
        assertThat(loopback("00000000000000000000000001000000:1F90")).as("::1").isTrue();
    }
}
