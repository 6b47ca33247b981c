package io.autocnn.coordinator.dispatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hosts for a multi-host test on one machine: each a network namespace with its own address, joined by a bridge in
 * this process's namespace that holds the first address of the network (so this process, the coordinator, is a host
 * too). Addresses come from 198.18.0.0/15, set aside for benchmark networks; the /24 is chosen by this process's id so
 * that two runs on one machine do not meet. Needs root ({@code ip netns}). {@link #close} removes every namespace,
 * link and process it made.
 */
final class NetworkHosts implements AutoCloseable {

    /** One host: its namespace and address. */
    record Host(String namespace, String address) {
        /** The words that start a command in this host's namespace. */
        List<String> launcher() {
            return List.of("ip", "netns", "exec", namespace);
        }
    }

    private static final long COMMAND_SECONDS = 20;

    /** Starts every link and namespace name this run makes. */
    private final String tag;
    private final String bridge;
    private final String coordinatorAddress;
    private final List<Host> hosts = new ArrayList<>();

    private NetworkHosts(String tag, String coordinatorAddress) {
        this.tag = tag;
        this.bridge = tag + "br";
        this.coordinatorAddress = coordinatorAddress;
    }

    /** {@code count} hosts named {@code names} (a few letters each, they prefix link names of at most 15). */
    static NetworkHosts create(List<String> names) throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        String tag = "a" + (pid % 10_000);
        int subnet = (int) (pid % 250) + 1;
        String prefix = "198.18." + subnet + ".";
        NetworkHosts network = new NetworkHosts(tag, prefix + "1");
        try {
            run("ip", "link", "add", network.bridge, "type", "bridge");
            run("ip", "addr", "add", network.coordinatorAddress + "/24", "dev", network.bridge);
            run("ip", "link", "set", network.bridge, "up");
            for (int i = 0; i < names.size(); i++) {
                Host host = new Host(tag + names.get(i), prefix + (i + 2));
                String outside = network.outsideLink(i);
                String inside = tag + "p" + i;
                run("ip", "netns", "add", host.namespace());
                network.hosts.add(host);
                run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
                run("ip", "link", "set", inside, "netns", host.namespace());
                run("ip", "link", "set", outside, "master", network.bridge);
                run("ip", "link", "set", outside, "up");
                inNamespace(host, "ip", "addr", "add", host.address() + "/24", "dev", inside);
                inNamespace(host, "ip", "link", "set", inside, "up");
                inNamespace(host, "ip", "link", "set", "lo", "up");
            }
            return network;
        } catch (IOException | RuntimeException | InterruptedException e) {
            network.close();
            throw e;
        }
    }

    /** The address the other hosts reach this process (the coordinator) at. */
    String coordinatorAddress() {
        return coordinatorAddress;
    }

    List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /** Takes a host off the network as a crash would: every process in it killed at once, its link gone. */
    void crash(Host host) throws IOException, InterruptedException {
        for (String pid : output("ip", "netns", "pids", host.namespace()).split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        inNamespace(host, "ip", "link", "set", "lo", "down");
        run("ip", "link", "set", outsideLink(hosts.indexOf(host)), "down");
    }

    @Override
    public void close() {
        for (Host host : hosts) {
            try {
                crash(host);
            } catch (IOException | InterruptedException | RuntimeException e) {
                // removed below regardless
            }
            quietly("ip", "netns", "del", host.namespace()); // takes its end of the veth pair, and so the pair
        }
        quietly("ip", "link", "del", bridge);
    }

    /** This process's end of host {@code index}'s link. */
    private String outsideLink(int index) {
        return tag + "v" + index;
    }

    private static void inNamespace(Host host, String... command) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(host.launcher());
        words.addAll(List.of(command));
        run(words.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        output(command);
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end in " + COMMAND_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }

    private static void quietly(String... command) {
        try {
            run(command);
        } catch (IOException | InterruptedException e) {
            // already gone
        }
    }
}
